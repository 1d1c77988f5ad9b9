package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import dev.e2eecall.KeyForms;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The call page inside another site's page: a portal on {@code http://127.0.0.1:<port>} loads
 * {@code /embed.js} from the packaged app on {@code http://localhost:<port>} (another site), with
 * {@code EMBED_ORIGINS} naming the portal, in local mode. A second portal on another origin, not
 * named, stands for a site that must get nothing.
 */
class EmbedIT {

    private static final String ADA = "Ada Lovelace-Ω";
    private static final String GRACE = "Grace Hopper-李";
    private static final String PROTOCOL = "e2ee-call/embed/v1";

    /** Records every camera and microphone track any frame of the page opens, to see them stopped. */
    private static final String TRACK_RECORDER = """
            if (navigator.mediaDevices?.getUserMedia) {
              const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
              window.openedTracks = [];
              navigator.mediaDevices.getUserMedia = async (constraints) => {
                const stream = await open(constraints);
                window.openedTracks.push(...stream.getTracks());
                return stream;
              };
            }
            """;

    @TempDir
    static Path workingDirectory;

    static Portal portal;
    static Portal otherSite;
    static PackagedApp app;
    static Chromium chromium;

    private final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    static void start() {
        portal = Portal.start();
        otherSite = Portal.start();
        app = PackagedApp.start(workingDirectory, Map.of("EMBED_ORIGINS", portal.origin()));
        portal.loading(app.url("/embed.js"));
        otherSite.loading(app.url("/embed.js"));
        chromium = new Chromium();
    }

    @AfterAll
    static void stop() {
        chromium.close();
        app.close();
        otherSite.close();
        portal.close();
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    private PortalTab open(Portal site) {
        BrowserContext context = chromium.browser().newContext();
        contexts.add(context);
        context.addInitScript(TRACK_RECORDER);
        Page page = context.newPage();
        Traffic traffic = Traffic.capture(page);
        List<String> console = new CopyOnWriteArrayList<>();
        page.onConsoleMessage(message -> console.add(message.text()));
        page.navigate(site.url().toString());
        return new PortalTab(page, traffic, console);
    }

    @Test
    void twoPortals_joinTheSameRoomInTheirFrames_seeEachOther_andLeaveFromTheHostReleasesCameraAndMicrophone() {
        PortalTab ada = open(portal);
        PortalTab grace = open(portal);
        String key = "portal-Schlüssel-李-🔑-given-by-the-host";

        ada.startCall(Map.of("room", "embedded", "name", ADA, "key", key));
        ada.awaitEvent("joined", ADA);
        grace.startCall(Map.of("room", "embedded", "name", GRACE, "key", key));
        grace.awaitEvent("joined", GRACE);

        ada.awaitEvent("participant-joined", GRACE);
        grace.awaitEvent("participant-joined", ADA);
        ada.awaitRemoteVideoPlaying(GRACE);
        grace.awaitRemoteVideoPlaying(ADA);
        assertThat(ada.events())
                .anySatisfy(event -> assertThat(event)
                        .isEqualTo(Map.of("name", "joined", "data", Map.of("room", "embedded", "name", ADA))));
        assertThat(ada.call().everyRemoteTile().mismatch()).hasCount(0);

        ada.page().evaluate("call.leave()");

        ada.awaitEvent("left", "\"reason\":\"left\"");
        grace.awaitEvent("participant-left", ADA);
        assertThat(ada.left().heading()).isVisible();
        ada.appFrame()
                .waitForFunction("() => openedTracks.length >= 2 && openedTracks.every(t => t.readyState === 'ended')");

        for (PortalTab tab : List.of(ada, grace)) {
            assertThat(tab.traffic().sent())
                    .anyMatch(entry -> entry.startsWith(
                            "websocket " + app.url("/").toString().replace("http", "ws")));
            assertThat(tab.traffic().sentFormsOf(key))
                    .as("what the portal and its frame sent")
                    .isEmpty();
            assertThat(tab.traffic().receivedFormsOf(key))
                    .as("what the portal and its frame received")
                    .isEmpty();
            for (Frame frame : tab.page().frames()) {
                assertThat(KeyForms.of(key).foundIn(frame.url()))
                        .as("the address of %s", frame.url())
                        .isEmpty();
            }
            assertThat(tab.console()).noneMatch(message -> message.contains("Content Security Policy"));
        }
        // positive control: the names went to the server, through the frame, as they must
        assertThat(ada.traffic().sentFormsOf(ADA)).isNotEmpty();
        assertThat(KeyForms.of(key).foundIn(app.output())).as("server log").isEmpty();
    }

    @Test
    void portalWithoutAKey_letsThePersonTypeIt() {
        PortalTab ada = open(portal);

        ada.startCall(Map.of("room", "typed-key", "name", ADA));

        assertThat(ada.form().name()).hasValue(ADA);
        ada.form().key().fill("typed in the frame 123");
        ada.form().enter().click();
        ada.awaitEvent("joined", ADA);
    }

    @Test
    void commandsFromAWrongOrigin_areIgnored_whileTheHostsAreRun() {
        PortalTab ada = open(portal);
        String key = "the portal's own key 123";
        ada.startCall(Map.of("room", "wrong-origin", "name", ADA, "key", key));
        ada.awaitEvent("joined", ADA);
        assertThat(ada.call().microphoneOn()).isVisible();

        // a page of another origin inside the portal posts to the call page's frame, as an ad or a widget could
        ada.page()
                .evaluate(
                        "url => new Promise(loaded => { const f = document.createElement('iframe'); f.id = 'other';"
                                + " f.onload = loaded; f.src = url; document.body.append(f); })",
                        otherSite.url().toString());
        Frame other = ada.page().waitForSelector("#other").contentFrame();
        other.evaluate("""
                ([protocol, key]) => {
                  const callFrame = parent.frames[0];
                  for (const message of [{ type: 'leave' }, { type: 'set-microphone', on: false },
                      { type: 'change-key', key }, { type: 'open', name: 'Mallory', key }]) {
                    callFrame.postMessage({ protocol, ...message }, '*');
                  }
                  parent.postMessage('posted', '*');
                }""", List.of(PROTOCOL, "a key of another site 123"));
        // the host's own command, after the others: once it shows, they were received before it
        ada.page().evaluate("call.setCamera(false)");

        assertThat(ada.call().cameraOff()).isVisible();
        assertThat(ada.call().microphoneOn()).isVisible();
        assertThat(ada.call().status()).hasText(Pattern.compile("^Connected"));
        assertThat(ada.events())
                .noneMatch(event -> event.get("name").equals("key-changed")
                        || event.get("name").equals("left"));
        assertThat(ada.traffic().sentContaining("e2ee-embed-command")).isEqualTo(1);
        assertThat(ada.traffic().sentFormsOf("Mallory")).isEmpty();
    }

    @Test
    void portalOnAnOriginNotListed_getsNoWorkingFrame() {
        PortalTab stranger = open(otherSite);

        stranger.startCall(Map.of("room", "not-for-you", "name", ADA, "key", "a key of another site 123"));

        stranger.page()
                .waitForCondition(() -> stranger.console().stream()
                        .anyMatch(message -> message.contains("frame-ancestors") && message.contains(portal.origin())));
        assertThat(stranger.appFrame().url()).doesNotStartWith(app.url("/").toString());

        // the host is told, within the time /embed.js gives the frame, and nothing else
        stranger.awaitEvent("error", "FRAME_NOT_STARTED");
        assertThat(stranger.events())
                .singleElement()
                .satisfies(
                        event -> assertThat(event.get("data"))
                                .isEqualTo(
                                        Map.of(
                                                "name",
                                                "FRAME_NOT_STARTED",
                                                "message",
                                                "The call page did not start in its frame: "
                                                        + "the app does not list this site in EMBED_ORIGINS, or the browser blocked the page in the frame.")));
    }

    @Test
    void browserBlockingTheFramesStorage_theHostHearsWhyAtOnce() {
        BrowserContext context = chromium.browser().newContext();
        contexts.add(context);
        // as a browser that blocks third-party cookies and storage: what the call page sees in the frame
        context.addInitScript("""
                if (window.parent !== window && location.origin === '%s') {
                  Object.defineProperty(Navigator.prototype, 'cookieEnabled', { get: () => false });
                  Object.defineProperty(window, 'sessionStorage', {
                    get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); },
                  });
                }""".formatted(app.url("/").toString().replaceAll("/$", "")));
        Page page = context.newPage();
        page.navigate(portal.url().toString());
        PortalTab ada = new PortalTab(page, Traffic.capture(page), List.of());
        long started = System.nanoTime();

        ada.startCall(Map.of("room", "storage-blocked"));

        ada.awaitEvent("error", "STORAGE_BLOCKED");
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("before the host's own time-out")
                .isLessThan(Duration.ofSeconds(10));
        assertThat(ada.events())
                .first()
                .satisfies(event -> assertThat(event.get("data"))
                        .asString()
                        .contains("The browser blocks cookies and storage for the call page in this frame"));
    }

    @Test
    void headers_letTheNamedPortalFrameTheApp_withACookieThatWorksInAFrame() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<Void> page = http.send(
                    HttpRequest.newBuilder(app.url("/room/x")).build(), HttpResponse.BodyHandlers.discarding());

            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(
                            policy -> assertThat(policy).contains("frame-ancestors 'self' " + portal.origin() + ";"));
            assertThat(page.headers().firstValue("Permissions-Policy"))
                    .hasValueSatisfying(policy -> assertThat(policy)
                            .contains(
                                    "camera=(self)",
                                    "microphone=(self)",
                                    "display-capture=(self)",
                                    "fullscreen=(self)"));
            assertThat(page.headers().allValues("Set-Cookie"))
                    .singleElement()
                    .satisfies(cookie -> assertThat(cookie)
                            .startsWith("JSESSIONID=")
                            .contains("; SameSite=None", "; Secure", "; Partitioned", "; HttpOnly"));
        }
    }

    @Test
    void embedScript_isServedAsJavaScript_andCheckedAgainOnEachUse() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            URI script = app.url("/embed.js");
            HttpResponse<String> first =
                    http.send(HttpRequest.newBuilder(script).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<byte[]> compressed = http.send(
                    HttpRequest.newBuilder(script)
                            .header("Accept-Encoding", "gzip")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String etag = first.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = http.send(
                    HttpRequest.newBuilder(script)
                            .header("If-None-Match", etag)
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("Content-Type")).hasValue("text/javascript;charset=UTF-8");
            assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(first.body()).startsWith("var E2eeCall=").contains(PROTOCOL);
            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(compressed.body().length).isLessThan(first.body().length() / 2);
        }
    }
}
