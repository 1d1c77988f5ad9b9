package dev.e2eecall.local;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of local (peer-to-peer) calls, checked at start-up.
 *
 * @param iceServers STUN/TURN URLs handed to browsers ({@code LOCAL_ICE_SERVERS}, comma-separated);
 *                   none by default, which is enough on one machine or one network
 * @param maxRooms   how many rooms may hold a call at once ({@code LOCAL_MAX_ROOMS}, 100 by default),
 *                   so one client cannot fill the server
 * @param placesPerAddress how many of a room's places people from one network address may take
 *                   ({@code LOCAL_PLACES_PER_ADDRESS}, 3 by default), so one address cannot fill a room
 */
@ConfigurationProperties("local")
@Validated
public record LocalProperties(
        @DefaultValue List<@Pattern(regexp = "(stun|stuns|turn|turns):[^\\s]{1,250}",
                message = "LOCAL_ICE_SERVERS holds an entry that is not a stun:, stuns:, turn: or turns: URL") String> iceServers,
        @DefaultValue("100") @Min(value = 1, message = "LOCAL_MAX_ROOMS must be at least 1") int maxRooms,
        @DefaultValue("3") @Min(value = 1, message = "LOCAL_PLACES_PER_ADDRESS must be 1 to 4")
        @Max(value = LocalRooms.MAX_PARTICIPANTS, message = "LOCAL_PLACES_PER_ADDRESS must be 1 to 4") int placesPerAddress) {

    public LocalProperties {
        iceServers = iceServers.stream().map(String::strip).filter(url -> !url.isEmpty()).toList();
    }
}
