package dev.e2eecall.join;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How many joins one browser session and one network address may make per minute, so that one
 * script cannot spend the video account's sessions or fill the local rooms. Counts reset each
 * minute; only the current minute's counters are kept.
 */
public final class JoinRateLimit {

    private static final long MINUTE = Duration.ofMinutes(1).toMillis();

    private final int perSession;
    private final int perAddress;
    private final Clock clock;
    private long minute = Long.MIN_VALUE;
    private final Map<String, Integer> counts = new HashMap<>();

    public JoinRateLimit(int perSession, int perAddress, Clock clock) {
        this.perSession = perSession;
        this.perAddress = perAddress;
        this.clock = clock;
    }

    /**
     * Counts one join, or refuses it with a message for the user when a limit is reached. A
     * requester without a session (a client of the JSON API) is counted by its address only.
     */
    public synchronized void acquire(Requester requester) {
        long millis = clock.millis();
        long now = millis / MINUTE;
        if (now != minute) {
            minute = now;
            counts.clear();
        }
        String session = requester.session();
        @Nullable String sessionKey = session == null ? null : "session:" + session;
        String addressKey = "address:" + requester.address();
        if ((sessionKey != null && counts.getOrDefault(sessionKey, 0) >= perSession)
                || counts.getOrDefault(addressKey, 0) >= perAddress) {
            // counts start again with the next minute
            Duration untilNextMinute = Duration.ofMillis(MINUTE - millis % MINUTE);
            throw new JoinException(JoinException.Reason.TOO_MANY_JOINS,
                    "Too many attempts to join in a short time. Please wait a minute and try again.",
                    untilNextMinute, null);
        }
        if (sessionKey != null) {
            counts.merge(sessionKey, 1, Integer::sum);
        }
        counts.merge(addressKey, 1, Integer::sum);
    }
}
