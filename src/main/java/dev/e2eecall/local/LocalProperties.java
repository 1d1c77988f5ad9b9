package dev.e2eecall.local;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of local (peer-to-peer) calls.
 *
 * @param iceServers STUN/TURN URLs handed to browsers ({@code LOCAL_ICE_SERVERS}, comma-separated);
 *                   none by default, which is enough on one machine or one network
 * @param maxRooms   how many rooms may hold a call at once, so one client cannot fill the server
 */
@ConfigurationProperties("local")
public record LocalProperties(@DefaultValue List<String> iceServers, @DefaultValue("100") int maxRooms) {

    public LocalProperties {
        iceServers = iceServers.stream().map(String::strip).filter(url -> !url.isEmpty()).toList();
        for (String url : iceServers) {
            if (!url.matches("(stun|stuns|turn|turns):[^\\s]{1,250}")) {
                throw new IllegalArgumentException("LOCAL_ICE_SERVERS holds " + url
                        + ", which is not a stun:, stuns:, turn: or turns: URL");
            }
        }
        if (maxRooms < 1) {
            throw new IllegalArgumentException("LOCAL_MAX_ROOMS must be at least 1");
        }
    }
}
