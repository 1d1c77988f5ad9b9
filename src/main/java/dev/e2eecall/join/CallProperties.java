package dev.e2eecall.join;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the call rooms, checked at start-up.
 *
 * @param defaultRoom               the room at {@code /} ({@code DEFAULT_ROOM}, {@code lobby} by default)
 * @param joinsPerMinutePerSession  joins one browser session may make per minute (10 by default)
 * @param joinsPerMinutePerAddress  joins one network address may make per minute (60 by default);
 *                                  higher than per session, since an office behind one address has many people
 */
@ConfigurationProperties("call")
@Validated
public record CallProperties(
        @DefaultValue("lobby") @Pattern(regexp = RoomName.RULE,
                message = "DEFAULT_ROOM must be a room name: 1 to 64 letters a-z, digits or dashes") String defaultRoom,
        @DefaultValue("10") @Min(value = 1, message = "JOINS_PER_MINUTE_PER_SESSION must be at least 1")
        int joinsPerMinutePerSession,
        @DefaultValue("60") @Min(value = 1, message = "JOINS_PER_MINUTE_PER_ADDRESS must be at least 1")
        int joinsPerMinutePerAddress) {

    public CallProperties {
        // as a typed room name is normalized
        defaultRoom = defaultRoom.strip().toLowerCase(Locale.ROOT);
    }
}
