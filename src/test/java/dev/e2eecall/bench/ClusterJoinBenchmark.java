package dev.e2eecall.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2eecall.it.Chromium;
import dev.e2eecall.it.PackagedApp;
import dev.e2eecall.opentok.OpenTokStandIn;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's part of a join (as in {@link JoinLatencyBenchmark}) on two instances joined as a
 * cluster, the joins taking turns between them: the room directory and the join limits are then
 * shared through the cluster. Also the heap each instance holds.
 */
class ClusterJoinBenchmark {

    private static final String NAME = "join latency on two instances";
    private static final int API_KEY = 47110819;
    private static final String API_SECRET = "made-up-api-secret-for-benchmarks-012345";
    private static final int WARM_UP_JOINS = 6;
    private static final int JOINS = Integer.getInteger("bench.joins", 50);

    @TempDir
    static Path first;

    @TempDir
    static Path second;

    private static OpenTokStandIn standIn;
    private static List<PackagedApp> apps;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws InterruptedException {
        Figures.awaitQuietMachine(NAME);
        standIn = new OpenTokStandIn(API_KEY);
        // every join of the benchmark comes from 127.0.0.1: lift the per-address limit
        apps = PackagedApp.startCluster(
                List.of(first, second),
                Map.of(
                        "API_KEY",
                        Integer.toString(API_KEY),
                        "API_SECRET",
                        API_SECRET,
                        "OPENTOK_API_URL",
                        standIn.url().toString(),
                        "JOINS_PER_MINUTE_PER_ADDRESS",
                        "1000000"));
        chromium = new Chromium();
    }

    @AfterAll
    static void stop() {
        Figures.reportLoad(NAME);
        chromium.close();
        apps.forEach(PackagedApp::close);
        standIn.close();
    }

    @BeforeEach
    void forgetRequests() {
        standIn.reset();
    }

    /** Every join is a room's first, on either instance: one creation per room across the cluster. */
    @Test
    void joinLatency_eachJoinInAFreshRoom_onAlternatingInstances() {
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int i = 0; i < WARM_UP_JOINS; i++) {
            joinMillis(i, "warm-" + run + "-" + i);
        }
        Samples millis = new Samples();
        for (int i = 0; i < JOINS; i++) {
            millis.add(joinMillis(i, "fresh-" + run + "-" + i));
        }
        assertThat(standIn.createRequests()).hasSize(WARM_UP_JOINS + JOINS);
        report("fresh room each join (session created + token)", millis);
    }

    /** The room's session was created through one instance; the joins on both find it. */
    @Test
    void joinLatency_allJoinsInTheSameRoom_onAlternatingInstances() throws Exception {
        for (int i = 0; i < WARM_UP_JOINS; i++) {
            joinMillis(i, "steady");
        }
        Samples millis = new Samples();
        for (int i = 0; i < JOINS; i++) {
            millis.add(joinMillis(i, "steady"));
        }
        assertThat(standIn.createRequests()).hasSize(1);
        report("same room (session reused, token only)", millis);
        for (int i = 0; i < apps.size(); i++) {
            Figures.report(
                    NAME,
                    String.format(
                            Locale.ROOT,
                            "instance %d: heap used after GC %d KB",
                            i + 1,
                            Jcmd.heapUsedAfterGc(apps.get(i).pid())));
        }
    }

    private static void report(String how, Samples millis) {
        Figures.report(NAME, "Enter click to ticket at the element, " + how + ": " + millis.summary(" ms"));
        Figures.report(
                NAME,
                String.format(Locale.ROOT, "p95 goal <= 100 ms: %s", millis.percentile(95) <= 100 ? "met" : "MISSED"));
    }

    /** One person joining through one of the instances, in turn; returns click-to-ticket milliseconds. */
    private static double joinMillis(int turn, String room) {
        PackagedApp instance = apps.get(turn % apps.size());
        try (CallPage page = CallPage.open(chromium.browser(), instance.url("/room/" + room))) {
            return page.join("Ada", "benchmark-key-01", standIn.sessionId());
        }
    }
}
