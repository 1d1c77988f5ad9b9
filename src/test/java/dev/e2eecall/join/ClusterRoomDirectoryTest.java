package dev.e2eecall.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.e2eecall.ClusterMembers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The room directory shared by two instances: one session per room across the cluster. */
class ClusterRoomDirectoryTest {

    private static final Duration LOCK_WAIT = Duration.ofSeconds(20);
    private static ClusterMembers cluster;

    @BeforeAll
    static void startCluster() {
        cluster = ClusterMembers.start(2);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void twoHundredFirstJoinsSpreadOverBothInstances_createOneSession() throws Exception {
        RoomDirectory[] instances = {
            new ClusterRoomDirectory(cluster.member(0), cluster.seal(), LOCK_WAIT),
            new ClusterRoomDirectory(cluster.member(1), cluster.seal(), LOCK_WAIT)
        };
        RoomName room = RoomName.parse("crowd");
        AtomicInteger creations = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        Set<String> answers = ConcurrentHashMap.newKeySet();
        List<Future<?>> joins = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 200; i++) {
                RoomDirectory instance = instances[i % 2];
                joins.add(threads.submit(() -> {
                    start.await();
                    answers.add(instance.sessionFor(room, name -> "session-" + creations.incrementAndGet()));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> join : joins) {
                join.get(60, TimeUnit.SECONDS);
            }
        }

        assertThat(creations).hasValue(1);
        assertThat(answers).containsExactly("session-1");
    }

    @Test
    void failedCreation_isNotRemembered_andTheOtherInstanceTriesAgain() {
        RoomName room = RoomName.parse("flaky");
        Function<RoomName, String> failing = name -> {
            throw new JoinException(JoinException.Reason.SERVICE_UNAVAILABLE, "unavailable");
        };

        assertThatThrownBy(() -> new ClusterRoomDirectory(cluster.member(0), cluster.seal(), LOCK_WAIT)
                        .sessionFor(room, failing))
                .hasMessage("unavailable");

        assertThat(new ClusterRoomDirectory(cluster.member(1), cluster.seal(), LOCK_WAIT)
                        .sessionFor(room, name -> "second-try"))
                .isEqualTo("second-try");
    }

    @Test
    void instanceLost_theOtherAnswersWithTheSameSession() {
        try (ClusterMembers pair = ClusterMembers.start(2)) {
            RoomName room = RoomName.parse("survivor");
            String created = new ClusterRoomDirectory(pair.member(0), pair.seal(), LOCK_WAIT)
                    .sessionFor(room, name -> "the-session");

            pair.kill(0);

            assertThat(new ClusterRoomDirectory(pair.member(1), pair.seal(), LOCK_WAIT)
                            .sessionFor(room, name -> "a-second-session"))
                    .isEqualTo(created);
        }
    }

    @Test
    void instanceDyingWhileItCreates_doesNotLeaveTheRoomStuck() throws Exception {
        try (ClusterMembers pair = ClusterMembers.start(2)) {
            RoomName room = RoomName.parse("orphan");
            CountDownLatch creating = new CountDownLatch(1);
            CountDownLatch never = new CountDownLatch(1);
            try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                // the first instance takes the room's lock and then dies in the middle of creating
                threads.submit(() -> new ClusterRoomDirectory(pair.member(0), pair.seal(), LOCK_WAIT)
                        .sessionFor(room, name -> {
                            creating.countDown();
                            try {
                                never.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return "never-recorded";
                        }));
                assertThat(creating.await(30, TimeUnit.SECONDS)).isTrue();

                pair.kill(0);

                assertThat(new ClusterRoomDirectory(pair.member(1), pair.seal(), LOCK_WAIT)
                                .sessionFor(room, name -> "recovered"))
                        .isEqualTo("recovered");
                never.countDown();
            }
        }
    }

    @Test
    void roomsNotJoinedForTheIdleTime_areForgotten() {
        try (ClusterMembers pair = ClusterMembers.start(2, Duration.ofSeconds(2), 10_000)) {
            RoomDirectory directory = new ClusterRoomDirectory(pair.member(1), pair.seal(), LOCK_WAIT);
            RoomName room = RoomName.parse("idle");
            directory.sessionFor(room, name -> "old-session");

            // asked by size, which is no join: reading the room would count as using it
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> pair.member(0).getMap(ClusterRoomDirectory.MAP).isEmpty());

            assertThat(directory.sessionFor(room, name -> "new-session")).isEqualTo("new-session");
        }
    }

    @Test
    void strangersTypingRoomNames_cannotGrowTheDirectoryWithoutEnd() {
        int bound = 2_000;
        try (ClusterMembers pair = ClusterMembers.start(2, Duration.ofHours(24), bound)) {
            RoomDirectory directory = new ClusterRoomDirectory(pair.member(0), pair.seal(), LOCK_WAIT);
            for (int i = 0; i < 10_000; i++) {
                directory.sessionFor(RoomName.parse("stranger-" + i), name -> "session-" + name);
            }

            // the bound holds on each member; the map's entries live on both
            assertThat(pair.member(0).getMap(ClusterRoomDirectory.MAP).size()).isLessThanOrEqualTo(2 * bound);
        }
    }
}
