package dev.e2eecall.bench;

import dev.e2eecall.it.Chromium;
import dev.e2eecall.it.PackagedApp;
import dev.e2eecall.opentok.OpenTokStandIn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an open call page costs the server: heap in use after a full GC, before and after 20 people
 * (each a browser context, so each an HTTP session and a UI of its own) open the page, and again
 * once all 20 have joined (the server has handed each its ticket).
 */
class CallPageMemoryBenchmark {

    private static final String NAME = "memory per call page";
    private static final int API_KEY = 47110818;
    private static final String API_SECRET = "made-up-api-secret-for-benchmarks-012345";
    private static final int PAGES = 20;
    private static final Pattern HISTOGRAM_ROW = Pattern.compile("\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*");
    /** Objects that each hold a page's memory: its UI and session, and the connections it keeps open. */
    private static final List<String> HOLDERS = List.of(
            "com.vaadin.flow.component.UI",
            "com.vaadin.flow.server.VaadinSession",
            "org.apache.catalina.session.StandardSession",
            "org.apache.tomcat.websocket.WsSession",
            "org.atmosphere.cpr.AtmosphereResourceImpl",
            "org.apache.tomcat.websocket.PerMessageDeflate",
            "org.apache.tomcat.util.net.SocketBufferHandler");

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

    @Test
    void heapGrowthPerOpenCallPage() throws Exception {
        // load and initialise what the first pages and joins need, so that it does not count as growth
        for (int i = 0; i < 3; i++) {
            try (CallPage page = CallPage.open(chromium.browser(), app.url("/room/memory"))) {
                page.join("Warm-up " + i, "benchmark-key-01", standIn.sessionId());
            }
        }
        long baseline = heapUsedAfterGc();
        Map<String, ClassUse> histogramBefore = histogram();

        List<CallPage> pages = new ArrayList<>();
        try {
            for (int i = 0; i < PAGES; i++) {
                pages.add(CallPage.open(chromium.browser(), app.url("/room/memory")));
            }
            long withForms = heapUsedAfterGc();
            for (int i = 0; i < PAGES; i++) {
                pages.get(i).join("Person " + i, "benchmark-key-01", standIn.sessionId());
            }
            long joined = heapUsedAfterGc();
            Map<String, ClassUse> histogramAfter = histogram();

            Figures.report(
                    NAME,
                    String.format(
                            Locale.ROOT,
                            "heap used after GC: %d KB before, %d KB with %d pages "
                                    + "showing the form, %d KB once all %d joined",
                            baseline,
                            withForms,
                            PAGES,
                            joined,
                            PAGES));
            double perForm = (withForms - baseline) / (double) PAGES;
            double perJoined = (joined - baseline) / (double) PAGES;
            Figures.report(
                    NAME,
                    String.format(
                            Locale.ROOT,
                            "per open page: %.1f KB with the form, %.1f KB joined " + "(goal <= 150 KB: %s)",
                            perForm,
                            perJoined,
                            Math.max(perForm, perJoined) <= 150 ? "met" : "MISSED"));
            reportLargestGrowth(histogramBefore, histogramAfter);
        } finally {
            pages.forEach(CallPage::close);
        }
    }

    private static long heapUsedAfterGc() throws IOException, InterruptedException {
        return Jcmd.heapUsedAfterGc(app.pid());
    }

    private record ClassUse(long instances, long bytes) {}

    /** Live objects per class (jcmd's histogram collects the garbage first). */
    private static Map<String, ClassUse> histogram() throws IOException, InterruptedException {
        Map<String, ClassUse> classes = new HashMap<>();
        for (String line : Jcmd.run(app.pid(), "GC.class_histogram").split("\n")) {
            Matcher row = HISTOGRAM_ROW.matcher(line);
            if (row.matches()) {
                classes.put(row.group(3), new ClassUse(Long.parseLong(row.group(1)), Long.parseLong(row.group(2))));
            }
        }
        return classes;
    }

    private static void reportLargestGrowth(Map<String, ClassUse> before, Map<String, ClassUse> after) {
        ClassUse none = new ClassUse(0, 0);
        Figures.report(NAME, "largest growth per page by class, between before and all joined:");
        after.entrySet().stream()
                .map(entry -> Map.entry(
                        entry.getKey(),
                        entry.getValue().bytes()
                                - before.getOrDefault(entry.getKey(), none).bytes()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(15)
                .forEach(entry -> Figures.report(
                        NAME,
                        String.format(
                                Locale.ROOT, "  %8.1f KB  %s", entry.getValue() / 1024.0 / PAGES, entry.getKey())));
        Figures.report(
                NAME,
                "holders per page: "
                        + HOLDERS.stream()
                                .map(holder -> String.format(
                                        Locale.ROOT,
                                        "%s %.2f",
                                        holder.substring(holder.lastIndexOf('.') + 1),
                                        (after.getOrDefault(holder, none).instances()
                                                        - before.getOrDefault(holder, none)
                                                                .instances())
                                                / (double) PAGES))
                                .toList());
    }
}
