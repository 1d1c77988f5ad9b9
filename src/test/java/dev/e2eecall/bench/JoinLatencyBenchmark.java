package dev.e2eecall.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2eecall.it.Chromium;
import dev.e2eecall.it.PackagedApp;
import dev.e2eecall.opentok.OpenTokStandIn;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's part of a join: from the click on Enter until the {@code <e2ee-video-call>} element
 * is handed its ticket (its {@code join} method is called). In between: the click travels to the
 * server, the server asks the browser whether the key's length fits, then creates or reuses the
 * room's session at the OpenTok stand-in (answering at once) and signs a token. Both ends are
 * timed inside the page ({@link CallPage}), so Playwright's own round trips do not count.
 */
class JoinLatencyBenchmark {

    private static final String NAME = "join latency";
    private static final int API_KEY = 47110817;
    private static final String API_SECRET = "made-up-api-secret-for-benchmarks-012345";
    private static final int WARM_UP_JOINS = 5;
    private static final int JOINS = Integer.getInteger("bench.joins", 50);

    @TempDir
    static Path workingDirectory;

    private static OpenTokStandIn standIn;
    private static PackagedApp app;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws InterruptedException {
        Figures.awaitQuietMachine(NAME);
        standIn = new OpenTokStandIn(API_KEY);
        // every join of the benchmark comes from 127.0.0.1: lift the per-address limit
        app = PackagedApp.startWithOpenTok(
                workingDirectory, standIn, API_SECRET, Map.of("JOINS_PER_MINUTE_PER_ADDRESS", "1000000"));
        chromium = new Chromium();
    }

    @AfterAll
    static void stop() {
        Figures.reportLoad(NAME);
        chromium.close();
        app.close();
        standIn.close();
    }

    @BeforeEach
    void forgetRequests() {
        standIn.reset();
    }

    /** Every join is a room's first: the server creates the room's session at the stand-in, then a token. */
    @Test
    void joinLatency_eachJoinInAFreshRoom() {
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int i = 0; i < WARM_UP_JOINS; i++) {
            joinMillis("warm-" + run + "-" + i);
        }
        Samples millis = new Samples();
        for (int i = 0; i < JOINS; i++) {
            millis.add(joinMillis("fresh-" + run + "-" + i));
        }
        assertThat(standIn.createRequests()).hasSize(WARM_UP_JOINS + JOINS);
        report("fresh room each join (session created + token)", millis);
    }

    /** Every join after the first finds the room's session: only a token is signed. */
    @Test
    void joinLatency_allJoinsInTheSameRoom() {
        for (int i = 0; i < WARM_UP_JOINS; i++) {
            joinMillis("steady");
        }
        Samples millis = new Samples();
        for (int i = 0; i < JOINS; i++) {
            millis.add(joinMillis("steady"));
        }
        assertThat(standIn.createRequests()).hasSize(1);
        report("same room (session reused, token only)", millis);
    }

    private static void report(String how, Samples millis) {
        Figures.report(NAME, "Enter click to ticket at the element, " + how + ": " + millis.summary(" ms"));
        Figures.report(
                NAME,
                String.format(Locale.ROOT, "p95 goal <= 100 ms: %s", millis.percentile(95) <= 100 ? "met" : "MISSED"));
    }

    /** One person joining, in a browser context of their own; returns click-to-ticket milliseconds. */
    private static double joinMillis(String room) {
        try (CallPage page = CallPage.open(chromium.browser(), app.url("/room/" + room))) {
            return page.join("Ada", "benchmark-key-01", standIn.sessionId());
        }
    }
}
