package dev.e2eecall.join;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Locale;
import org.hibernate.validator.constraints.time.DurationMin;
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
 * @param roomIdleTimeout           how long a room's video session is remembered after its last join
 *                                  ({@code ROOM_IDLE_TIMEOUT}, 24 hours by default)
 * @param rememberedRooms           how many rooms' sessions are remembered at most ({@code REMEMBERED_ROOMS},
 *                                  10,000 by default; in a cluster, on each instance): room names typed by
 *                                  strangers cannot grow memory without end, the least recently joined go first
 */
@ConfigurationProperties("call")
@Validated
public record CallProperties(
        @DefaultValue("lobby")
        @Pattern(
                regexp = RoomName.RULE,
                message = "DEFAULT_ROOM must be a room name: 1 to 64 letters a-z, digits or dashes")
        String defaultRoom,

        @DefaultValue("10") @Min(value = 1, message = "JOINS_PER_MINUTE_PER_SESSION must be at least 1")
        int joinsPerMinutePerSession,

        @DefaultValue("60") @Min(value = 1, message = "JOINS_PER_MINUTE_PER_ADDRESS must be at least 1")
        int joinsPerMinutePerAddress,

        @DefaultValue("24h") @DurationMin(minutes = 1, message = "ROOM_IDLE_TIMEOUT must be at least 1 minute")
        Duration roomIdleTimeout,

        @DefaultValue("10000") @Min(value = 1, message = "REMEMBERED_ROOMS must be at least 1")
        int rememberedRooms) {

    public CallProperties {
        // as a typed room name is normalized
        defaultRoom = defaultRoom.strip().toLowerCase(Locale.ROOT);
    }
}
