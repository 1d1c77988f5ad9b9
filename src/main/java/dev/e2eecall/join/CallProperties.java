package dev.e2eecall.join;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the call rooms.
 *
 * @param defaultRoom               the room at {@code /}
 * @param joinsPerMinutePerSession  joins one browser session may make per minute
 * @param joinsPerMinutePerAddress  joins one network address may make per minute; higher than per
 *                                  session, since an office behind one address has many people
 */
@ConfigurationProperties("call")
public record CallProperties(@DefaultValue("lobby") String defaultRoom,
        @DefaultValue("10") int joinsPerMinutePerSession,
        @DefaultValue("60") int joinsPerMinutePerAddress) {

    public CallProperties {
        defaultRoom = RoomName.parse(defaultRoom).value();
        if (joinsPerMinutePerSession < 1 || joinsPerMinutePerAddress < 1) {
            throw new IllegalArgumentException("JOINS_PER_MINUTE_PER_SESSION and JOINS_PER_MINUTE_PER_ADDRESS must be at least 1");
        }
    }
}
