package dev.e2eecall.local;

import dev.e2eecall.call.CallTicket;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of local (peer-to-peer) calls, checked at start-up.
 *
 * @param iceServers     STUN/TURN URLs handed to browsers ({@code LOCAL_ICE_SERVERS}, comma-separated);
 *                       none by default, which is enough on one machine or one network
 * @param maxRooms       how many rooms may hold a call at once ({@code LOCAL_MAX_ROOMS}, 100 by default),
 *                       so one client cannot fill the server
 * @param placesPerAddress how many of a room's places people from one network address may take
 *                       ({@code LOCAL_PLACES_PER_ADDRESS}); by default all of them, since people behind
 *                       one office NAT, or the tabs of one machine, share an address
 * @param turnUsername   a fixed username for the TURN servers among {@code iceServers}
 *                       ({@code LOCAL_TURN_USERNAME}); with {@code turnCredential}, or neither
 * @param turnCredential the fixed password that goes with {@code turnUsername} ({@code LOCAL_TURN_CREDENTIAL});
 *                       every participant receives it
 * @param turnSecret     the secret shared with the TURN servers ({@code LOCAL_TURN_SECRET}, coturn's
 *                       {@code static-auth-secret}), from which each join gets its own short-lived
 *                       credentials; it never leaves this server. Instead of the fixed pair
 * @param turnCredentialLifetime how long credentials derived from {@code turnSecret} admit their holder
 *                       ({@code LOCAL_TURN_CREDENTIAL_LIFETIME}, 12 hours by default, 1 minute to 7 days);
 *                       long enough for a call, since the relay refuses a call's renewals once they expire
 * @param icePolicy      {@code all} (default) or {@code relay} ({@code LOCAL_ICE_POLICY}): relay sends
 *                       every call through a TURN server, so that participants never learn each
 *                       other's network addresses
 * @param silence        how long a browser in a call may say nothing before it is taken out of its room
 *                       ({@code LOCAL_SILENCE}, 15 seconds by default); a browser in a call speaks at
 *                       least every {@link #BEAT}, so it must be longer than that. Shorter means a
 *                       closed or crashed tab frees its place sooner
 */
@ConfigurationProperties("local")
@Validated
public record LocalProperties(
        @DefaultValue
        List<
                        @Pattern(
                                regexp = "(stun|stuns|turn|turns):[^\\s]{1,250}",
                                message =
                                        "LOCAL_ICE_SERVERS holds an entry that is not a stun:, stuns:, turn: or turns: URL")
                        String>
                iceServers,

        @DefaultValue("100") @Min(value = 1, message = "LOCAL_MAX_ROOMS must be at least 1")
        int maxRooms,

        @DefaultValue("4")
        @Min(value = 1, message = "LOCAL_PLACES_PER_ADDRESS must be 1 to 4")
        @Max(value = LocalRooms.MAX_PARTICIPANTS, message = "LOCAL_PLACES_PER_ADDRESS must be 1 to 4")
        int placesPerAddress,
        // The TURN settings carry no field constraints: a failed field check reports the value.
        @Nullable String turnUsername,
        @Nullable String turnCredential,
        @Nullable String turnSecret,
        @DefaultValue("12h") Duration turnCredentialLifetime,

        @DefaultValue("all") @Pattern(regexp = "all|relay", message = "LOCAL_ICE_POLICY must be all or relay")
        String icePolicy,

        @DefaultValue("15s") Duration silence) {

    /** How often a browser in a local call says it is alive (the page's own timer), at the longest. */
    public static final Duration BEAT = Duration.ofSeconds(5);

    private static final Duration SHORTEST_LIFETIME = Duration.ofMinutes(1);
    private static final Duration LONGEST_LIFETIME = Duration.ofDays(7);

    public LocalProperties {
        iceServers = iceServers.stream()
                .map(String::strip)
                .filter(url -> !url.isEmpty())
                .toList();
        turnUsername = setOrNull(turnUsername);
        turnCredential = setOrNull(turnCredential);
        turnSecret = setOrNull(turnSecret);
        icePolicy = icePolicy.strip().toLowerCase(Locale.ROOT);
    }

    /** The network paths calls may take, from {@code icePolicy}. */
    public CallTicket.IcePolicy icePathPolicy() {
        return "relay".equals(icePolicy) ? CallTicket.IcePolicy.RELAY : CallTicket.IcePolicy.ALL;
    }

    @AssertTrue(message = "LOCAL_TURN_USERNAME and LOCAL_TURN_CREDENTIAL go together: set both or neither")
    boolean isTurnPairComplete() {
        return (turnUsername == null) == (turnCredential == null);
    }

    @AssertTrue(
            message = "LOCAL_TURN_SECRET and LOCAL_TURN_USERNAME/LOCAL_TURN_CREDENTIAL are two ways to "
                    + "give TURN credentials: set one of them")
    boolean isOneKindOfTurnCredentials() {
        return turnSecret == null || (turnUsername == null && turnCredential == null);
    }

    @AssertTrue(message = "TURN credentials are set, but LOCAL_ICE_SERVERS names no turn: or turns: server")
    boolean isTurnServerGivenForCredentials() {
        return (turnSecret == null && turnUsername == null) || hasTurnServer();
    }

    @AssertTrue(message = "LOCAL_ICE_POLICY=relay needs a turn: or turns: server in LOCAL_ICE_SERVERS")
    boolean isTurnServerGivenForRelay() {
        return icePathPolicy() != CallTicket.IcePolicy.RELAY || hasTurnServer();
    }

    @AssertTrue(message = "LOCAL_TURN_CREDENTIAL_LIFETIME must be from 1m to 7d, such as 12h")
    boolean isTurnCredentialLifetimeSensible() {
        return turnCredentialLifetime.compareTo(SHORTEST_LIFETIME) >= 0
                && turnCredentialLifetime.compareTo(LONGEST_LIFETIME) <= 0;
    }

    @AssertTrue(
            message =
                    "LOCAL_SILENCE must be longer than 5s, how often a browser in a call says it is alive, such as 15s")
    boolean isSilenceLongerThanTheBeat() {
        return silence.compareTo(BEAT) > 0;
    }

    /** Whether a URL names a TURN server (which takes credentials), not a STUN server. */
    static boolean isTurn(String url) {
        return url.startsWith("turn:") || url.startsWith("turns:");
    }

    private boolean hasTurnServer() {
        return iceServers.stream().anyMatch(LocalProperties::isTurn);
    }

    private static @Nullable String setOrNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "LocalProperties[iceServers=" + iceServers + ", maxRooms=" + maxRooms
                + ", placesPerAddress=" + placesPerAddress + ", turnUsername=" + turnUsername
                + ", turnCredential=" + (turnCredential == null ? "not set" : "***")
                + ", turnSecret=" + (turnSecret == null ? "not set" : "***")
                + ", turnCredentialLifetime=" + turnCredentialLifetime + ", icePolicy=" + icePolicy + ", silence="
                + silence + "]";
    }
}
