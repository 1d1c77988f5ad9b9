package dev.e2eecall.join.limits;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e2eecall.join.JoinException;
import dev.e2eecall.join.Requester;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class JoinRateLimitTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final JoinRateLimit limit = JoinRateLimit.inProcess(3, 5, clock);

    @Test
    void session_isRefusedAfterItsLimit_untilTheNextMinute() {
        Requester browser = new Requester("session-a", "10.0.0.1");
        for (int i = 0; i < 3; i++) {
            limit.acquire(browser);
        }

        assertThatThrownBy(() -> limit.acquire(browser))
                .isInstanceOf(JoinException.class)
                .hasMessage("Too many attempts to join in a short time. Please wait a minute and try again.")
                .extracting(e -> ((JoinException) e).reason())
                .isEqualTo(JoinException.Reason.TOO_MANY_JOINS);

        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThatCode(() -> limit.acquire(browser)).doesNotThrowAnyException();
    }

    @Test
    void address_isRefusedAfterItsLimit_acrossSessions() {
        for (int i = 0; i < 5; i++) {
            limit.acquire(new Requester("session-" + i, "10.0.0.2"));
        }

        assertThatThrownBy(() -> limit.acquire(new Requester("session-new", "10.0.0.2")))
                .isInstanceOf(JoinException.class);
        assertThatCode(() -> limit.acquire(new Requester("session-new", "10.0.0.3")))
                .doesNotThrowAnyException();
    }

    @Test
    void refusal_saysHowLongUntilTheCountsStartAgain() {
        clock.now = clock.now.plusSeconds(45);
        Requester browser = new Requester("session-b", "10.0.0.4");
        for (int i = 0; i < 3; i++) {
            limit.acquire(browser);
        }

        assertThatThrownBy(() -> limit.acquire(browser))
                .extracting(e -> ((JoinException) e).retryAfter().orElseThrow())
                .isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void requesterWithoutSession_isLimitedByItsAddressAlone_togetherWithThePagesThere() {
        // more than the per-session limit of 3, up to the address's 5
        for (int i = 0; i < 4; i++) {
            limit.acquire(Requester.withoutSession("10.0.0.5"));
        }
        limit.acquire(new Requester("page-session", "10.0.0.5"));

        assertThatThrownBy(() -> limit.acquire(Requester.withoutSession("10.0.0.5")))
                .extracting(e -> ((JoinException) e).reason())
                .isEqualTo(JoinException.Reason.TOO_MANY_JOINS);
        assertThatThrownBy(() -> limit.acquire(new Requester("another-page", "10.0.0.5")))
                .isInstanceOf(JoinException.class);
        assertThatCode(() -> limit.acquire(Requester.withoutSession("10.0.0.6")))
                .doesNotThrowAnyException();
    }
}
