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
 * @param iceServers STUN/TURN servers for peer-to-peer calls, TURN servers with their credentials; empty
 *                   when none are needed
 * @param expiresAt when the token stops admitting its holder; null for a token that does not expire
 *                  by time (local calls: it lasts as long as the page)
 * @param icePolicy which network paths peer-to-peer calls may take
 */
public record CallTicket(
        Engine engine,
        String apiKey,
        String sessionId,
        String token,
        String room,
        String name,
        List<IceServer> iceServers,
        @Nullable Instant expiresAt,
        IcePolicy icePolicy)
        implements Serializable {

    /** The engine that carries the call's media. */
    public enum Engine {
        /** OpenTok.js against the Vonage Video API. */
        OPENTOK,
        /** Peer-to-peer WebRTC with signalling through this app's server. */
        LOCAL
    }

    /**
     * A STUN or TURN server as the browser's {@code RTCPeerConnection} takes it: a TURN server with
     * the username and credential it admits, a STUN server with neither.
     */
    public record IceServer(
            String urls,
            @Nullable String username,
            @Nullable String credential) implements Serializable {

        public IceServer {
            Objects.requireNonNull(urls, "urls");
        }

        /** A server that needs no credentials. */
        public IceServer(String urls) {
            this(urls, null, null);
        }

        @Override
        public String toString() {
            // a TURN credential lets anyone relay through the server until it expires
            return "IceServer[urls=" + urls + ", username=" + username + ", credential="
                    + (credential == null ? "none" : "***") + "]";
        }
    }

    /** Which network paths a peer-to-peer call may take (the browser's ICE transport policy). */
    public enum IcePolicy {
        /** Direct paths, through NAT too, and relays: the fastest path that works. */
        ALL,
        /** Only through a TURN relay, so that no participant learns another's network addresses. */
        RELAY
    }

    public CallTicket {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(name, "name");
        iceServers = List.copyOf(iceServers);
        Objects.requireNonNull(icePolicy, "icePolicy");
    }

    /** A ticket that takes any network path. */
    public CallTicket(
            Engine engine,
            String apiKey,
            String sessionId,
            String token,
            String room,
            String name,
            List<IceServer> iceServers,
            @Nullable Instant expiresAt) {
        this(engine, apiKey, sessionId, token, room, name, iceServers, expiresAt, IcePolicy.ALL);
    }

    /** A ticket whose token does not expire by time and that takes any network path. */
    public CallTicket(
            Engine engine,
            String apiKey,
            String sessionId,
            String token,
            String room,
            String name,
            List<IceServer> iceServers) {
        this(engine, apiKey, sessionId, token, room, name, iceServers, null);
    }

    @Override
    public String toString() {
        // a token admits anyone who holds it: keep it out of logs
        return "CallTicket[engine=" + engine + ", room=" + room + ", sessionId=" + sessionId + ", token=***]";
    }
}
