package dev.e2eecall.join.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e2eecall.ClusterMembers;
import dev.e2eecall.join.JoinException;
import dev.e2eecall.join.Requester;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Join limits of a cluster: a browser or an address that goes from one instance to the other gains nothing. */
class ClusterJoinRateLimitTest {

    private static ClusterMembers cluster;
    private static JoinRateLimit first;
    private static JoinRateLimit second;

    @BeforeAll
    static void startCluster() {
        cluster = ClusterMembers.start(2);
        first = JoinRateLimit.cluster(cluster.member(0), cluster.seal(), 3, 5, Clock.systemUTC());
        second = JoinRateLimit.cluster(cluster.member(1), cluster.seal(), 3, 5, Clock.systemUTC());
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void session_isCountedAcrossInstances() {
        Requester browser = new Requester("session-a", "10.0.0.1");
        first.acquire(browser);
        second.acquire(browser);
        first.acquire(browser);

        assertThatThrownBy(() -> second.acquire(browser)).isInstanceOfSatisfying(JoinException.class, refused -> {
            assertThat(refused.reason()).isEqualTo(JoinException.Reason.TOO_MANY_JOINS);
            assertThat(refused.retryAfter())
                    .hasValueSatisfying(
                            wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
        });
    }

    @Test
    void address_isCountedAcrossInstancesAndSessions() {
        for (int i = 0; i < 5; i++) {
            (i % 2 == 0 ? first : second).acquire(new Requester("session-" + i, "10.0.0.2"));
        }

        assertThatThrownBy(() -> first.acquire(Requester.withoutSession("10.0.0.2")))
                .isInstanceOf(JoinException.class);
        assertThatCode(() -> second.acquire(Requester.withoutSession("10.0.0.3")))
                .doesNotThrowAnyException();
    }

    @Test
    void refusalByTheAddress_doesNotCostTheSessionAJoin() {
        for (int i = 0; i < 5; i++) {
            first.acquire(Requester.withoutSession("10.0.0.4"));
        }
        Requester browser = new Requester("session-b", "10.0.0.4");
        assertThatThrownBy(() -> second.acquire(browser)).isInstanceOf(JoinException.class);

        // the same browser from another address still has all three of its joins
        Requester moved = new Requester("session-b", "10.0.0.5");
        for (int i = 0; i < 3; i++) {
            first.acquire(moved);
        }
        assertThatThrownBy(() -> second.acquire(moved)).isInstanceOf(JoinException.class);
    }
}
