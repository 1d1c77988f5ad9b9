package dev.e2eecall.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2eecall.call.CallTicket;
import dev.e2eecall.join.DisplayName;
import dev.e2eecall.join.JoinWiring;
import dev.e2eecall.join.Requester;
import dev.e2eecall.join.RoomName;
import dev.e2eecall.join.VideoBackend;
import dev.e2eecall.join.VideoServiceProperties;
import dev.e2eecall.opentok.OpenTokProperties;
import dev.e2eecall.opentok.OpenTokStandIn;
import dev.e2eecall.opentok.OpenTokWiring;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenTok backend in this JVM (the service layer, no HTTP UI), against the REST API stand-in:
 * many first joins of one room at the same moment, and how fast tokens are signed.
 */
class ConcurrentJoinBenchmark {

    private static final String NAME = "concurrency";
    private static final int API_KEY = 47110819;
    private static final String API_SECRET = "made-up-api-secret-for-benchmarks-012345";
    private static final int CROWD = 200;
    private static final int ROUNDS = 5;
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration ROUND = Duration.ofSeconds(2);

    private static OpenTokStandIn standIn;
    private static VideoBackend backend;
    private static final Requester ANYONE = Requester.withoutSession("127.0.0.1");

    @BeforeAll
    static void start() throws InterruptedException {
        Figures.awaitQuietMachine(NAME);
        standIn = new OpenTokStandIn(API_KEY);
        backend = OpenTokWiring.backend(
                new OpenTokProperties(Integer.toString(API_KEY), API_SECRET, standIn.url()),
                new VideoServiceProperties(Duration.ofHours(1), Duration.ofSeconds(10)),
                JoinWiring.inProcessRoomDirectory(Duration.ofHours(24), 10_000));
    }

    @AfterAll
    static void stop() {
        Figures.reportLoad(NAME);
        backend.close();
        standIn.close();
    }

    @BeforeEach
    void forgetRequests() {
        standIn.reset();
    }

    /** 200 virtual threads released at once into one new room, five times (after one warm-up), a new room each time. */
    @Test
    void concurrentFirstJoinsOfOneRoom_createOneSession() throws Exception {
        crowdJoins(RoomName.parse("crowd-warm-up"));
        Samples millis = new Samples();
        List<Integer> creations = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            standIn.reset();
            millis.add(crowdJoins(RoomName.parse("crowd-" + round)));
            creations.add(standIn.createRequests().size());
        }
        Figures.report(
                NAME,
                CROWD + " concurrent first joins of one new room, " + ROUNDS + " rounds: session creations per round "
                        + creations);
        Figures.report(NAME, "time until all " + CROWD + " have their tickets: " + millis.summary(" ms"));
        assertThat(creations).containsOnly(1);
    }

    /** Releases 200 joins of {@code room} at once and returns the milliseconds until all have their tickets. */
    private static double crowdJoins(RoomName room) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<CallTicket.OpenTok>> joins = new ArrayList<>();
        for (int i = 0; i < CROWD; i++) {
            DisplayName name = DisplayName.parse("Person " + i);
            joins.add(() -> {
                start.await();
                return (CallTicket.OpenTok) backend.join(room, name, ANYONE);
            });
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<CallTicket.OpenTok>> tickets =
                    joins.stream().map(threads::submit).toList();
            long started = System.nanoTime();
            start.countDown();
            for (Future<CallTicket.OpenTok> ticket : tickets) {
                assertThat(ticket.get().sessionId()).isEqualTo(standIn.sessionId());
            }
            return (System.nanoTime() - started) / 1e6;
        }
    }

    /** One thread signing tokens for an existing room's joins, after a warm-up for the JIT compiler. */
    @Test
    void tokenIssuingThroughput_oneThread() {
        RoomName room = RoomName.parse("steady");
        DisplayName name = DisplayName.parse("Ada Lovelace");
        backend.join(room, name, ANYONE);
        joinsWithin(WARM_UP, room, name);
        Samples perSecond = new Samples();
        for (int round = 0; round < ROUNDS; round++) {
            perSecond.add(joinsWithin(ROUND, room, name) / (ROUND.toNanos() / 1e9));
        }
        assertThat(standIn.createRequests()).hasSize(1);
        Figures.report(
                NAME,
                String.format(
                        Locale.ROOT,
                        "tokens per second on one thread (OpenTokBackend.join, "
                                + "existing room), %d rounds of %d s: median %.0f, min %.0f, max %.0f; %.1f µs per token",
                        ROUNDS,
                        ROUND.toSeconds(),
                        perSecond.median(),
                        perSecond.min(),
                        perSecond.max(),
                        1e6 / perSecond.median()));
    }

    private static long joinsWithin(Duration duration, RoomName room, DisplayName name) {
        long deadline = System.nanoTime() + duration.toNanos();
        long joins = 0;
        long tokenLengths = 0;
        while (System.nanoTime() < deadline) {
            // use the result, so the compiler cannot drop the work
            tokenLengths += backend.join(room, name, ANYONE).token().length();
            joins++;
        }
        assertThat(tokenLengths).isPositive();
        return joins;
    }
}
