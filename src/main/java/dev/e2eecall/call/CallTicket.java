package dev.e2eecall.call;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the browser needs to enter a call, and nothing more: never an API secret, never an
 * encryption key. One kind per engine, each holding what that engine needs.
 */
public sealed interface CallTicket extends Serializable {

    /** The engine that carries the call's media, and so which kind of ticket this is. */
    Engine engine();

    /** A credential for one participant. */
    String token();

    /** The room's name, as shown to the user. */
    String room();

    /** The participant's display name. */
    String name();

    /** The engine that carries the call's media. */
    enum Engine {
        /** OpenTok.js against the Vonage Video API. */
        OPENTOK,
        /** Peer-to-peer WebRTC with signalling through this app's server. */
        LOCAL
    }

    /**
     * A ticket for OpenTok.js, into the room's session on the Vonage Video API.
     *
     * @param apiKey    the project's public API key, or the Vonage application's id, which OpenTok.js
     *                  takes in its place
     * @param sessionId the video session the room maps to
     * @param token     a publisher token for that session
     * @param room      the room's name
     * @param name      the participant's display name, which the token carries too
     * @param expiresAt when the token stops admitting its holder
     */
    record OpenTok(String apiKey, String sessionId, String token, String room, String name, Instant expiresAt)
            implements CallTicket {

        public OpenTok {
            Objects.requireNonNull(apiKey, "apiKey");
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public Engine engine() {
            return Engine.OPENTOK;
        }

        @Override
        public String toString() {
            // a token admits anyone who holds it: keep it out of logs
            return "CallTicket.OpenTok[room=" + room + ", sessionId=" + sessionId + ", token=***]";
        }
    }

    /**
     * A ticket for a peer-to-peer call whose signalling this app's server relays.
     *
     * @param token      admits the page into its room once; it lasts as long as the page
     * @param room       the room's name
     * @param name       the participant's display name
     * @param iceServers STUN/TURN servers, TURN servers with their credentials; empty when none are needed
     * @param icePolicy  which network paths the call may take
     */
    record Local(String token, String room, String name, List<IceServer> iceServers, IcePolicy icePolicy)
            implements CallTicket {

        public Local {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(name, "name");
            iceServers = List.copyOf(iceServers);
            Objects.requireNonNull(icePolicy, "icePolicy");
        }

        @Override
        public Engine engine() {
            return Engine.LOCAL;
        }

        @Override
        public String toString() {
            // a token admits anyone who holds it, and TURN credentials relay for anyone: keep both out of logs
            return "CallTicket.Local[room=" + room + ", token=***, icePolicy=" + icePolicy + "]";
        }
    }

    /**
     * A STUN or TURN server as the browser's {@code RTCPeerConnection} takes it: a TURN server with
     * the username and credential it admits, a STUN server with neither.
     */
    record IceServer(
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
    enum IcePolicy {
        /** Direct paths, through NAT too, and relays: the fastest path that works. */
        ALL,
        /** Only through a TURN relay, so that no participant learns another's network addresses. */
        RELAY
    }
}
