package dev.e2eecall.join;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How many joins one browser session and one network address may make per minute, so that one
 * script cannot spend the video account's sessions or fill the local rooms. Counts reset each
 * minute; only the current minute's counters are kept.
 */
public final class JoinRateLimit {

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

    /** Counts one join, or refuses it with a message for the user when a limit is reached. */
    public synchronized void acquire(Requester requester) {
        long now = clock.millis() / Duration.ofMinutes(1).toMillis();
        if (now != minute) {
            minute = now;
            counts.clear();
        }
        String sessionKey = "session:" + requester.session();
        String addressKey = "address:" + requester.address();
        if (counts.getOrDefault(sessionKey, 0) >= perSession || counts.getOrDefault(addressKey, 0) >= perAddress) {
            throw new JoinException("Too many attempts to join in a short time. Please wait a minute and try again.",
                    true);
        }
        counts.merge(sessionKey, 1, Integer::sum);
        counts.merge(addressKey, 1, Integer::sum);
    }
}
