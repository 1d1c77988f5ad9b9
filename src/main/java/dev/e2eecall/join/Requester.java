package dev.e2eecall.join;

import org.jspecify.annotations.Nullable;

/**
 * Who asks to join, as far as limits go: their HTTP session and network address.
 *
 * @param session the HTTP session's id; null for a client of the JSON API, which has none and is
 *                limited by its address alone
 * @param address the client's IP address
 */
public record Requester(@Nullable String session, String address) {

    /** A requester with no HTTP session (a client of the JSON API): only its address is limited. */
    public static Requester withoutSession(String address) {
        return new Requester(null, address);
    }

    @Override
    public String toString() {
        // a session id lets its holder act as that user: keep it out of logs
        return "Requester[address=" + address + "]";
    }
}
