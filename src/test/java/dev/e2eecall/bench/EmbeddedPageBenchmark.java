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
    private record Load(long appBytes, long embedScriptBytes, double formUsableMillis, double uiAnsweredMillis) {}

    /**
     * When the UI's initial state had arrived, on the same clock: the page itself with eager server
     * load, else the answer to Vaadin's first request.
     */
    private static final String UI_ANSWERED = """
            (performance.getEntriesByType('resource').find(e => e.name.includes('v-r=init'))
                ?? performance.getEntriesByType('navigation')[0]).responseEnd""";

    @BeforeAll
    static void start() throws Exception {
        Figures.awaitQuietMachine(NAME);
        portal = Portal.start();
        // the portal under two names: another site than the app, and the same site (a control)
        app = PackagedApp.start(
                workingDirectory, Map.of("EMBED_ORIGINS", portal.origin() + "," + portal.sameSiteOrigin()));
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
            loadFramed(portal.url());
            loadFramed(portal.sameSiteUrl());
        }
        Series alone = new Series("page on its own");
        Series framed = new Series("page in the portal's frame (another site)");
        Series sameSite = new Series("page in a same-site portal's frame (control)");
        long embedScript = 0;
        for (int i = 0; i < LOADS; i++) {
            alone.add(loadPlain(plain));
            Load crossSite = loadFramed(portal.url());
            framed.add(crossSite);
            sameSite.add(loadFramed(portal.sameSiteUrl()));
            embedScript = crossSite.embedScriptBytes();
        }
        for (Series series : List.of(alone, framed, sameSite)) {
            series.report();
        }
        Figures.report(NAME, "/embed.js on the wire (headers and body): " + embedScript + " B");
        double bytesRatio = framed.bytes.median() / alone.bytes.median();
        double timeRatio = framed.millis.median() / alone.millis.median();
        Figures.report(
                NAME,
                String.format(
                        Locale.ROOT,
                        "framed/plain bytes %.3f, time %.3f (goal <= 1.05: %s)",
                        bytesRatio,
                        timeRatio,
                        bytesRatio <= 1.05 && timeRatio <= 1.05 ? "met" : "MISSED"));
        Figures.report(
                NAME,
                String.format(
                        Locale.ROOT,
                        "same-site framed/plain time %.3f; first answer "
                                + "framed/plain %.3f, same-site framed/plain %.3f",
                        sameSite.millis.median() / alone.millis.median(),
                        framed.answered.median() / alone.answered.median(),
                        sameSite.answered.median() / alone.answered.median()));
    }

    /** The loads of one kind of page. */
    private static final class Series {
        private final String name;
        private final Samples bytes = new Samples();
        private final Samples millis = new Samples();
        private final Samples answered = new Samples();

        Series(String name) {
            this.name = name;
        }

        void add(Load load) {
            bytes.add(load.appBytes() / 1024.0);
            millis.add(load.formUsableMillis());
            answered.add(load.uiAnsweredMillis());
        }

        void report() {
            Figures.report(NAME, name + ": bytes " + bytes.summary(" KB"));
            Figures.report(NAME, name + ": form usable (from its own navigation) " + millis.summary(" ms"));
            Figures.report(NAME, name + ": UI's first answer in " + answered.summary(" ms"));
        }
    }

    private Load loadPlain(URI page) {
        try (BrowserContext context = chromium.browser().newContext()) {
            context.addInitScript(FORM_USABLE_WATCH);
            Page tab = context.newPage();
            List<Request> finished = record(tab);
            tab.navigate(page.toString());
            double usable = ((Number) tab.evaluate("window.benchFormUsable")).doubleValue();
            tab.evaluate(JoinPageBenchmark.ROUTED);
            tab.waitForLoadState(LoadState.NETWORKIDLE);
            return new Load(appBytes(finished), 0, usable, ((Number) tab.evaluate(UI_ANSWERED)).doubleValue());
        }
    }

    private Load loadFramed(URI portalPage) {
        try (BrowserContext context = chromium.browser().newContext()) {
            context.addInitScript(FORM_USABLE_WATCH);
            Page tab = context.newPage();
            List<Request> finished = record(tab);
            tab.navigate(portalPage.toString());
            tab.evaluate("startCall({ room: 'bench' })");
            Frame frame = tab.waitForSelector("#call iframe").contentFrame();
            frame.waitForURL(app.url("/room/bench").toString());
            double usable = ((Number) frame.evaluate("window.benchFormUsable")).doubleValue();
            frame.evaluate(JoinPageBenchmark.ROUTED);
            tab.waitForLoadState(LoadState.NETWORKIDLE);
            frame.waitForLoadState(LoadState.NETWORKIDLE);
            long script = finished.stream()
                    .filter(request -> request.url().endsWith("/embed.js"))
                    .mapToLong(EmbeddedPageBenchmark::wireBytes)
                    .sum();
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
        return finished.stream()
                .filter(request -> request.url().startsWith(origin))
                .filter(request -> !request.url().endsWith("/embed.js"))
                .mapToLong(EmbeddedPageBenchmark::wireBytes)
                .sum();
    }

    private static long wireBytes(Request request) {
        var sizes = request.sizes();
        return sizes.responseHeadersSize + sizes.responseBodySize;
    }
}
