package dev.e2eecall.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import dev.e2eecall.it.Chromium;
import dev.e2eecall.it.PackagedApp;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The join page ({@code /}, app started from the jar with no credentials) against a page like the
 * original OpenTok E2EE web sample: bytes on the wire and time until the form can be used, each
 * page loaded with a cold cache in a fresh browser context, the two pages taking turns.
 */
class JoinPageBenchmark {

    private static final String NAME = "join page";
    private static final int WARM_UP_LOADS = 3;
    private static final int LOADS = Integer.getInteger("bench.pageLoads", 15);

    /**
     * Resolves with performance.now() (milliseconds since navigation start) when the input labelled
     * "Name" is visible and enabled, checked on every DOM change and every frame; in a frame too.
     */
    static final String FORM_USABLE_WATCH = """
            window.benchFormUsable = new Promise(resolve => {
              let done = false;
              const nameInput = () => {
                const label = [...document.querySelectorAll('label')].find(l => l.textContent.trim() === 'Name');
                return label && label.htmlFor ? document.getElementById(label.htmlFor) : null;
              };
              const check = () => {
                const input = nameInput();
                if (!done && input && input.checkVisibility() && !input.disabled && !input.readOnly) {
                  done = true;
                  observer.disconnect();
                  resolve(performance.now());
                }
                return done;
              };
              const observer = new MutationObserver(check);
              observer.observe(document, { childList: true, subtree: true, attributes: true });
              const frame = () => { if (!check()) requestAnimationFrame(frame); };
              requestAnimationFrame(frame);
            });
            window.benchRouted = new Promise(resolve =>
                window.addEventListener('vaadin-router-location-changed', () => resolve(true), { once: true }));
            """;

    /**
     * Waits until Vaadin's router has ended its first navigation, on a page of the app: with the
     * view in the first answer the form works before that navigation's round trip, and what it
     * sends and receives is part of the page too.
     */
    static final String ROUTED = "window.benchRouted";

    @TempDir
    static Path workingDirectory;

    private static PackagedApp app;
    private static SamplePage sample;
    private static Chromium chromium;

    /**
     * One response as Chromium saw it: bytes on the wire include the response headers; times are
     * milliseconds since the page's own request was sent.
     */
    private record Resource(
            String url,
            int status,
            String mimeType,
            String encoding,
            long wireBytes,
            long decodedBytes,
            double sentMillis,
            double finishedMillis) {}

    /** One load of a page; websocket frames (Vaadin Push) count as bytes on the wire too. */
    private record Load(double formUsableMillis, List<Resource> resources, long websocketBytes) {
        long wireBytes() {
            return resources.stream().mapToLong(Resource::wireBytes).sum() + websocketBytes;
        }
    }

    /** A network link emulated by Chromium, or none (localhost as it is). */
    private record Link(String name, double latencyMillis, double bytesPerSecond) {
        static final Link LOCALHOST = new Link("localhost", 0, -1);
    }

    @BeforeAll
    static void start() throws Exception {
        Figures.awaitQuietMachine(NAME);
        app = PackagedApp.start(workingDirectory, Map.of());
        sample = SamplePage.serve(SamplePage.openTokScript());
        chromium = new Chromium();
    }

    @AfterAll
    static void stop() {
        Figures.reportLoad(NAME);
        chromium.close();
        sample.close();
        app.close();
    }

    @Test
    void joinPage_againstOriginalSample_onLocalhost() {
        compare(Link.LOCALHOST);
    }

    /** On localhost bytes cost almost nothing; a real link shows what they cost. */
    @Test
    void joinPage_againstOriginalSample_on20MbitLink() {
        compare(new Link("20 Mbit/s, 40 ms round trip", 40, 20e6 / 8));
    }

    private void compare(Link link) {
        URI appPage = app.url("/");
        URI samplePage = sample.url();
        for (int i = 0; i < WARM_UP_LOADS; i++) {
            load(appPage, link);
            load(samplePage, link);
        }
        Samples appBytes = new Samples();
        Samples appMillis = new Samples();
        Samples sampleBytes = new Samples();
        Samples sampleMillis = new Samples();
        Load appExample = null;
        Load sampleExample = null;
        for (int i = 0; i < LOADS; i++) {
            appExample = load(appPage, link);
            appBytes.add(appExample.wireBytes() / 1024.0);
            appMillis.add(appExample.formUsableMillis());
            sampleExample = load(samplePage, link);
            sampleBytes.add(sampleExample.wireBytes() / 1024.0);
            sampleMillis.add(sampleExample.formUsableMillis());
        }

        String where = link.name();
        Figures.report(NAME, where + ": app join page bytes " + appBytes.summary(" KB"));
        Figures.report(NAME, where + ": app join page form usable " + appMillis.summary(" ms"));
        Figures.report(NAME, where + ": original sample bytes " + sampleBytes.summary(" KB"));
        Figures.report(NAME, where + ": original sample form usable " + sampleMillis.summary(" ms"));
        double bytesRatio = appBytes.median() / sampleBytes.median();
        double timeRatio = appMillis.median() / sampleMillis.median();
        double timeGoal = link == Link.LOCALHOST ? 0.75 : 0.6;
        Figures.report(
                NAME,
                String.format(
                        Locale.ROOT,
                        "%s: app/original bytes %.3f (goal <= 0.25: %s), " + "time %.3f (goal <= %.2f: %s)",
                        where,
                        bytesRatio,
                        bytesRatio <= 0.25 ? "met" : "MISSED",
                        timeRatio,
                        timeGoal,
                        timeRatio <= timeGoal ? "met" : "MISSED"));
        if (link == Link.LOCALHOST) {
            describe("app join page", appExample);
            describe("original sample", sampleExample);
            reportUncompressed(appExample);
        }
    }

    private Load load(URI url, Link link) {
        try (BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            CDPSession network = context.newCDPSession(page);
            WireLog wire = new WireLog(network);
            network.send("Network.enable");
            JsonObject noCache = new JsonObject();
            noCache.addProperty("cacheDisabled", true);
            network.send("Network.setCacheDisabled", noCache);
            if (link.bytesPerSecond() > 0) {
                JsonObject conditions = new JsonObject();
                conditions.addProperty("offline", false);
                conditions.addProperty("latency", link.latencyMillis());
                conditions.addProperty("downloadThroughput", link.bytesPerSecond());
                conditions.addProperty("uploadThroughput", link.bytesPerSecond());
                network.send("Network.emulateNetworkConditions", conditions);
            }
            page.addInitScript(FORM_USABLE_WATCH);

            page.navigate(url.toString());
            double formUsable = ((Number) page.evaluate("window.benchFormUsable")).doubleValue();
            if (url.equals(app.url("/"))) {
                page.evaluate(ROUTED);
            }
            // count what the page still loads once the form shows, up to a quiet network
            page.waitForLoadState(LoadState.NETWORKIDLE);

            assertThat(wire.resources).as("responses of %s", url).isNotEmpty();
            return new Load(formUsable, List.copyOf(wire.resources), wire.websocketBytes);
        }
    }

    /**
     * What Chromium's network layer reports for one page, through the DevTools protocol. Playwright
     * runs the handlers on the test's thread, inside its own calls, so plain collections do.
     */
    private static final class WireLog {

        private record Response(String url, int status, String mimeType, String encoding) {}

        private final Map<String, Double> sentAt = new HashMap<>();
        private final Map<String, Response> responses = new HashMap<>();
        private final Map<String, Long> decodedBytes = new HashMap<>();
        private final List<Resource> resources = new ArrayList<>();
        private long websocketBytes;

        WireLog(CDPSession network) {
            network.on(
                    "Network.requestWillBeSent",
                    event -> sentAt.putIfAbsent(
                            requestId(event), event.get("timestamp").getAsDouble()));
            network.on("Network.responseReceived", event -> {
                JsonObject response = event.getAsJsonObject("response");
                responses.put(
                        requestId(event),
                        new Response(
                                response.get("url").getAsString(),
                                response.get("status").getAsInt(),
                                response.get("mimeType").getAsString(),
                                header(response.getAsJsonObject("headers"), "content-encoding")));
            });
            network.on(
                    "Network.dataReceived",
                    event -> decodedBytes.merge(
                            requestId(event), event.get("dataLength").getAsLong(), Long::sum));
            network.on("Network.loadingFinished", this::finished);
            network.on(
                    "Network.webSocketFrameReceived",
                    event -> websocketBytes += event.getAsJsonObject("response")
                            .get("payloadData")
                            .getAsString()
                            .length());
        }

        private void finished(JsonObject event) {
            String id = requestId(event);
            Response response = responses.get(id);
            // data: URLs (a font inside the Lumo stylesheet) never travel
            if (response == null || response.url().startsWith("data:")) {
                return;
            }
            double pageRequestSent =
                    sentAt.values().stream().min(Double::compare).orElseThrow();
            resources.add(new Resource(
                    response.url(),
                    response.status(),
                    response.mimeType(),
                    response.encoding(),
                    event.get("encodedDataLength").getAsLong(),
                    decodedBytes.getOrDefault(id, 0L),
                    (sentAt.get(id) - pageRequestSent) * 1000,
                    (event.get("timestamp").getAsDouble() - pageRequestSent) * 1000));
        }

        private static String requestId(JsonObject event) {
            return event.get("requestId").getAsString();
        }
    }

    private static String header(JsonObject headers, String name) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(header -> header.getValue().getAsString())
                .findFirst()
                .orElse("none");
    }

    private static void describe(String page, Load load) {
        Figures.report(
                NAME,
                String.format(
                        Locale.ROOT,
                        "%s, one load: %d responses and %d B of websocket frames, "
                                + "%d B on the wire, form usable at %.0f ms:",
                        page,
                        load.resources().size(),
                        load.websocketBytes(),
                        load.wireBytes(),
                        load.formUsableMillis()));
        load.resources().stream()
                .sorted(Comparator.comparingDouble(Resource::sentMillis))
                .forEach(resource -> Figures.report(
                        NAME,
                        String.format(
                                Locale.ROOT,
                                "  %4.0f-%4.0f ms %7d B wire %8d B decoded  %-5s %d %s",
                                resource.sentMillis(),
                                resource.finishedMillis(),
                                resource.wireBytes(),
                                resource.decodedBytes(),
                                resource.encoding(),
                                resource.status(),
                                shorten(resource.url()))));
    }

    /** Text resources over 1 KB that came without compression: a server configuration gap. */
    private static void reportUncompressed(Load appLoad) {
        List<Resource> uncompressed = appLoad.resources().stream()
                .filter(resource -> resource.encoding().equals("none") && resource.decodedBytes() > 1024)
                .filter(resource -> resource.mimeType().matches("text/.*|application/(javascript|json).*|image/svg.*"))
                .toList();
        Figures.report(
                NAME,
                uncompressed.isEmpty()
                        ? "app: every text resource over 1 KB came compressed (br or gzip)"
                        : "app: text resources over 1 KB sent UNCOMPRESSED: "
                                + uncompressed.stream()
                                        .map(resource ->
                                                shorten(resource.url()) + " (" + resource.decodedBytes() + " B)")
                                        .toList());
    }

    private static String shorten(String url) {
        String path = url.replaceFirst("^http://localhost:\\d+", "");
        return path.length() <= 80 ? path : path.substring(0, 80) + "…";
    }
}
