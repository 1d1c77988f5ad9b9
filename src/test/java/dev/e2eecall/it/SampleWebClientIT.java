package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import dev.e2eecall.opentok.OpenTokStandIn;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A web client on another site, written like the OpenTok.js E2EE sample's page, against the
 * packaged app in OpenTok mode: it fetches {@code /session} across origins (its origin named in
 * {@code API_CORS_ORIGINS}) and hands the answer and the typed key to the real OpenTok.js the app
 * bundles, which fails to connect only because tests are offline.
 */
class SampleWebClientIT {

    private static final int API_KEY = 47110816;
    private static final String API_SECRET = "made-up-api-secret-for-the-sample-client-0";
    private static final Pattern CHUNK_IMPORT =
            Pattern.compile("^import\\{(\\w+) as (\\w+)\\}from\"\\./([\\w-]+\\.js)\";");

    @TempDir
    static Path workingDirectory;

    static OpenTokStandIn standIn;
    static HttpServer namedSite;
    static HttpServer otherSite;
    static PackagedApp app;
    static Chromium chromium;

    private BrowserContext context;
    private Page page;
    private Traffic traffic;
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<Request> videoServiceRequests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        Map<String, byte[]> files = siteFiles();
        namedSite = serve(files);
        otherSite = serve(files);
        standIn = new OpenTokStandIn(API_KEY);
        app = PackagedApp.startWithOpenTok(
                workingDirectory, standIn, API_SECRET, Map.of("API_CORS_ORIGINS", origin(namedSite)));
        chromium = new Chromium();
    }

    @AfterAll
    static void stop() {
        chromium.close();
        app.close();
        standIn.close();
        namedSite.stop(0);
        otherSite.stop(0);
    }

    @BeforeEach
    void openContext() {
        standIn.reset();
        context = chromium.browser().newContext();
        page = context.newPage();
        traffic = Traffic.capture(page);
        page.onPageError(error -> errors.add("page error: " + error));
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                errors.add("console: " + message.text() + " at " + message.location());
            }
        });
        page.onRequest(request -> {
            String host = URI.create(request.url()).getHost();
            if (host != null && (host.endsWith("opentok.com") || host.endsWith("tokbox.com"))) {
                videoServiceRequests.add(request);
            }
        });
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void samplesFlow_fromANamedOrigin_reachesOpenTokJsWithTheServersSessionAndToken_andNeverSendsTheKey() {
        String key = "sample-client-key-5f2c91";
        page.navigate(origin(namedSite) + "/?app=" + app.url(""));
        page.getByLabel("Encryption key").fill(key);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enter"))
                .click();

        assertThat(page.getByRole(AriaRole.STATUS))
                .hasText(
                        "Connect failed: OT_CONNECT_FAILED", new LocatorAssertions.HasTextOptions().setTimeout(30_000));
        Map<?, ?> report = (Map<?, ?>) page.evaluate("window.report");
        Map<?, ?> fromServer = (Map<?, ?>) report.get("fromServer");
        assertThat(fromServer.get("apiKey")).isEqualTo(Integer.toString(API_KEY));
        assertThat(fromServer.get("sessionId")).isEqualTo(standIn.sessionId());
        assertThat((String) fromServer.get("token")).startsWith("T1==");
        assertThat(report.get("e2eeSupported")).isEqualTo(true);
        assertThat(report.get("inOpenTok")).isEqualTo(Map.of("sessionId", standIn.sessionId()));
        assertThat(report.get("errors")).isEqualTo(List.of());
        assertThat(standIn.createRequests()).hasSize(1);

        // OpenTok.js set out for the video service with exactly that key, session and token
        assertThat(videoServiceRequests).anySatisfy(request -> {
            assertThat(request.url()).contains("/project/" + API_KEY + "/");
            assertThat(request.headers().values()).contains((String) fromServer.get("token"));
        });
        assertThat(videoServiceRequests).anySatisfy(request -> {
            assertThat(request.url()).contains("/session/" + fromServer.get("sessionId"));
            assertThat(request.headers().values()).contains((String) fromServer.get("token"));
        });
        assertThat(errors).as("errors other than the offline failure").allSatisfy(SampleWebClientIT::isOfflineFailure);

        assertThat(traffic.sent()).anySatisfy(sent -> assertThat(sent).startsWith("GET " + app.url("/session")));
        assertThat(traffic.sentContaining(key))
                .as("requests and frames holding the key")
                .isZero();
        assertThat(traffic.receivedContaining(API_SECRET)).isZero();
    }

    @Test
    void roomTicket_fromANamedOrigin_passesThePreflight() {
        page.navigate(origin(namedSite) + "/?app=" + app.url(""));

        Object ticket = page.evaluate("""
                async app => {
                  const answer = await fetch(`${app}/api/rooms/sample-site/tickets`, {
                    method: 'POST', headers: { 'Content-Type': 'application/json' },
                    body: JSON.stringify({ name: 'Browser' }) });
                  return { status: answer.status, body: await answer.json() };
                }""", app.url("").toString());

        Map<?, ?> answer = (Map<?, ?>) ticket;
        assertThat(answer.get("status")).isEqualTo(200);
        Map<?, ?> body = (Map<?, ?>) answer.get("body");
        assertThat(body.get("sessionId")).isEqualTo(standIn.sessionId());
        assertThat(body.get("room")).isEqualTo("sample-site");
        assertThat(body.get("name")).isEqualTo("Browser");
        assertThat(errors).isEmpty();
    }

    @Test
    void pageOfAnUnnamedOrigin_cannotReadASession_norGetATicket() {
        page.navigate(origin(otherSite) + "/?app=" + app.url(""));

        Object session = page.evaluate("""
                app => fetch(`${app}/session`).then(answer => 'read ' + answer.status, error => error.name)""", app.url("").toString());
        Object ticket = page.evaluate("""
                app => fetch(`${app}/api/rooms/other-site/tickets`, {
                    method: 'POST', headers: { 'Content-Type': 'application/json' },
                    body: JSON.stringify({ name: 'Intruder' }) })
                  .then(answer => 'read ' + answer.status, error => error.name)""", app.url("").toString());

        assertThat(session).isEqualTo("TypeError");
        assertThat(ticket).isEqualTo("TypeError");
        // the preflight was refused, so the ticket request never came: the new room has no session
        assertThat(standIn.createRequests()).isEmpty();
        assertThat(errors)
                .anySatisfy(error -> assertThat(error)
                        .contains("/session' from origin")
                        .contains("has been blocked by CORS policy"));
        assertThat(errors)
                .anySatisfy(error -> assertThat(error)
                        .contains("/api/rooms/other-site/tickets' from origin")
                        .contains("Response to preflight request doesn't pass access control check"));
    }

    /**
     * What the browser and OpenTok.js report when the video service cannot be reached, as every
     * test here is offline: its hosts not resolved, the config service not reached, the connect failed.
     */
    private static void isOfflineFailure(String error) {
        boolean videoServiceNotResolved = error.contains("net::ERR_NAME_NOT_RESOLVED")
                && (error.contains("opentok.com") || error.contains("tokbox.com"));
        boolean openTokSaysOffline = error.startsWith("console: %cOpenTok:")
                && (error.contains("OT_CONNECT_FAILED")
                        || error.contains("Connect Failed (1006)")
                        || error.contains("could not reach Config Service"));
        assertThat(videoServiceNotResolved || openTokSaysOffline).as(error).isTrue();
    }

    private static String origin(HttpServer site) {
        // another port is another origin; the resolver rule keeps Chromium to localhost
        return "http://localhost:" + site.getAddress().getPort();
    }

    /**
     * The test client's page and script, and the OpenTok.js chunk of the packaged app, byte for byte.
     * The chunk imports the bundler's CommonJS wrapper from the app's client entry, which would start
     * Vaadin on this page: a one-line module of the same name gives it the wrapper alone.
     */
    private static Map<String, byte[]> siteFiles() throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        files.put("/", resource("index.html"));
        files.put("/client.js", resource("client.js"));
        try (ZipFile jar = new ZipFile(PackagedApp.jar().toFile())) {
            ZipEntry chunk = jar.stream()
                    .filter(entry ->
                            entry.getName().matches("(.*/)?META-INF/VAADIN/webapp/VAADIN/build/opentok-[\\w-]+\\.js"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the packaged jar holds no OpenTok.js chunk"));
            byte[] script;
            try (InputStream in = jar.getInputStream(chunk)) {
                script = in.readAllBytes();
            }
            String start = new String(script, 0, 200, StandardCharsets.UTF_8);
            Matcher imported = CHUNK_IMPORT.matcher(start);
            if (!imported.find()) {
                throw new AssertionError("The OpenTok.js chunk's imports changed: " + start);
            }
            files.put("/opentok.js", script);
            files.put(
                    "/" + imported.group(3),
                    ("export const " + imported.group(1)
                                    + " = (factory, module) => () => (module || factory((module = { exports: {} }).exports, module),"
                                    + " module.exports);\n")
                            .getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SampleWebClientIT.class.getResourceAsStream("/sample-client/" + name)) {
            if (in == null) {
                throw new IllegalStateException("sample-client/" + name + " is missing from the test resources");
            }
            return in.readAllBytes();
        }
    }

    private static HttpServer serve(Map<String, byte[]> files) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    byte[] body = files.get(exchange.getRequestURI().getPath());
                    if (body == null) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    exchange.getResponseHeaders()
                            .set(
                                    "Content-Type",
                                    exchange.getRequestURI().getPath().endsWith(".js")
                                            ? "text/javascript; charset=utf-8"
                                            : "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
