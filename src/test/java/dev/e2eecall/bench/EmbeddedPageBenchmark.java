package dev.e2eecall.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.LoadState;
import dev.e2eecall.it.Chromium;
import dev.e2eecall.it.PackagedApp;
import dev.e2eecall.it.Portal;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The join page inside a portal's frame (made by {@code /embed.js}, {@code EMBED_ORIGINS} set)
 * against the same page on its own: what the app sends for it, and the time from the page's own
 * navigation until its form can be used, each load in a fresh browser context, taking turns.
 */
class EmbeddedPageBenchmark {

    private static final String NAME = "embedded join page";
    private static final int WARM_UP_LOADS = 3;
    private static final int LOADS = Integer.getInteger("bench.pageLoads", 15);

    private static final String FORM_USABLE_WATCH = JoinPageBenchmark.FORM_USABLE_WATCH;

    @TempDir
    static Path workingDirectory;
    private static Portal portal;
    private static PackagedApp app;
    private static Chromium chromium;

    /** One load: bytes the app sent for the page (headers and bodies, {@code /embed.js} apart), and when the form was usable. */
    private record Load(long appBytes, long embedScriptBytes, double formUsableMillis, double uiAnsweredMillis) {
    }

    /** When the answer to Vaadin's first request (the UI's initial state) had arrived, on the same clock. */
    private static final String UI_ANSWERED = "performance.getEntriesByType('resource').find(e => e.name.includes('v-r=init')).responseEnd";

    @BeforeAll
    static void start() throws Exception {
        Figures.awaitQuietMachine(NAME);
        portal = Portal.start();
        app = PackagedApp.start(workingDirectory, Map.of("EMBED_ORIGINS", portal.origin()));
        portal.loading(app.url("/embed.js"));
        chromium = new Chromium();
    }

    @AfterAll
    static void stop() {
        Figures.reportLoad(NAME);
        chromium.close();
        app.close();
        portal.close();
    }

    @Test
    void joinPage_inAPortalsFrame_againstThePageOnItsOwn() {
        URI plain = app.url("/room/bench");
        for (int i = 0; i < WARM_UP_LOADS; i++) {
            loadPlain(plain);
            loadFramed();
        }
        Samples plainBytes = new Samples();
        Samples plainMillis = new Samples();
        Samples framedBytes = new Samples();
        Samples framedMillis = new Samples();
        Samples plainAnswered = new Samples();
        Samples framedAnswered = new Samples();
        long embedScript = 0;
        for (int i = 0; i < LOADS; i++) {
            Load alone = loadPlain(plain);
            plainBytes.add(alone.appBytes() / 1024.0);
            plainMillis.add(alone.formUsableMillis());
            plainAnswered.add(alone.uiAnsweredMillis());
            Load framed = loadFramed();
            framedBytes.add(framed.appBytes() / 1024.0);
            framedMillis.add(framed.formUsableMillis());
            framedAnswered.add(framed.uiAnsweredMillis());
            embedScript = framed.embedScriptBytes();
        }
        Figures.report(NAME, "page on its own: bytes " + plainBytes.summary(" KB"));
        Figures.report(NAME, "page on its own: form usable " + plainMillis.summary(" ms"));
        Figures.report(NAME, "page in the portal's frame: bytes " + framedBytes.summary(" KB"));
        Figures.report(NAME, "page in the portal's frame: form usable (from the frame's navigation) "
                + framedMillis.summary(" ms"));
        Figures.report(NAME, "page on its own: UI's first answer in " + plainAnswered.summary(" ms"));
        Figures.report(NAME, "page in the portal's frame: UI's first answer in " + framedAnswered.summary(" ms"));
        Figures.report(NAME, "/embed.js on the wire (headers and body): " + embedScript + " B");
        double bytesRatio = framedBytes.median() / plainBytes.median();
        double timeRatio = framedMillis.median() / plainMillis.median();
        Figures.report(NAME, String.format(Locale.ROOT, "framed/plain bytes %.3f, time %.3f (goal <= 1.05: %s)",
                bytesRatio, timeRatio, bytesRatio <= 1.05 && timeRatio <= 1.05 ? "met" : "MISSED"));
    }

    private Load loadPlain(URI page) {
        try (BrowserContext context = chromium.browser().newContext()) {
            context.addInitScript(FORM_USABLE_WATCH);
            Page tab = context.newPage();
            List<Request> finished = record(tab);
            tab.navigate(page.toString());
            double usable = ((Number) tab.evaluate("window.benchFormUsable")).doubleValue();
            tab.waitForLoadState(LoadState.NETWORKIDLE);
            return new Load(appBytes(finished), 0, usable, ((Number) tab.evaluate(UI_ANSWERED)).doubleValue());
        }
    }

    private Load loadFramed() {
        try (BrowserContext context = chromium.browser().newContext()) {
            context.addInitScript(FORM_USABLE_WATCH);
            Page tab = context.newPage();
            List<Request> finished = record(tab);
            tab.navigate(portal.url().toString());
            tab.evaluate("startCall({ room: 'bench' })");
            Frame frame = tab.waitForSelector("#call iframe").contentFrame();
            frame.waitForURL(app.url("/room/bench").toString());
            double usable = ((Number) frame.evaluate("window.benchFormUsable")).doubleValue();
            tab.waitForLoadState(LoadState.NETWORKIDLE);
            frame.waitForLoadState(LoadState.NETWORKIDLE);
            long script = finished.stream().filter(request -> request.url().endsWith("/embed.js"))
                    .mapToLong(EmbeddedPageBenchmark::wireBytes).sum();
            assertThat(script).isPositive();
            return new Load(appBytes(finished), script, usable, ((Number) frame.evaluate(UI_ANSWERED)).doubleValue());
        }
    }

    private static List<Request> record(Page tab) {
        List<Request> finished = new CopyOnWriteArrayList<>();
        tab.onRequestFinished(finished::add);
        return finished;
    }

    /** What the app sent for the page: every answer from its origin but {@code /embed.js}. */
    private static long appBytes(List<Request> finished) {
        String origin = app.url("/").toString();
        return finished.stream().filter(request -> request.url().startsWith(origin))
                .filter(request -> !request.url().endsWith("/embed.js"))
                .mapToLong(EmbeddedPageBenchmark::wireBytes).sum();
    }

    private static long wireBytes(Request request) {
        var sizes = request.sizes();
        return sizes.responseHeadersSize + sizes.responseBodySize;
    }
}
