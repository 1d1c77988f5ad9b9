package dev.e2eecall.call;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the browser needs to enter a call, and nothing more: never an API secret, never an
 * encryption key.
 *
 * @param engine    which engine the call element runs
 * @param apiKey    the video service's public project key (or application id); empty for the local engine
 * @param sessionId the video session the room maps to
 * @param token     a credential for one participant in that session
 * @param room      the room's name, as shown to the user
 * @param name      the participant's display name
 * @param iceServers STUN/TURN server URLs for peer-to-peer calls; empty when none are needed
 * @param expiresAt when the token stops admitting its holder; null for a token that does not expire
 *                  by time (local calls: it lasts as long as the page)
 */
public record CallTicket(Engine engine, String apiKey, String sessionId, String token, String room, String name,
        List<String> iceServers, @Nullable Instant expiresAt) implements Serializable {

    /** The engine that carries the call's media. */
    public enum Engine {
        /** OpenTok.js against the Vonage Video API. */
        OPENTOK,
        /** Peer-to-peer WebRTC with signalling through this app's server. */
        LOCAL
    }

    public CallTicket {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(name, "name");
        iceServers = List.copyOf(iceServers);
    }

    /** A ticket whose token does not expire by time. */
    public CallTicket(Engine engine, String apiKey, String sessionId, String token, String room, String name,
            List<String> iceServers) {
        this(engine, apiKey, sessionId, token, room, name, iceServers, null);
    }

    @Override
    public String toString() {
        // a token admits anyone who holds it: keep it out of logs
        return "CallTicket[engine=" + engine + ", room=" + room + ", sessionId=" + sessionId + ", token=***]";
    }
}
