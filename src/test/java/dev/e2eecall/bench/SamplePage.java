package dev.e2eecall.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * A page equivalent to the original OpenTok "End-to-End Media Encryption" web sample, the yardstick
 * for the join page: {@code opentok.min.js} in a script tag in the head, then a small form, script
 * and stylesheet (our own, in {@code src/test/resources/bench/sample-page}). Served from localhost
 * the way an ordinary web server serves static files: gzip-compressed when the browser accepts it.
 */
final class SamplePage implements AutoCloseable {

    /** The OpenTok.js version the app bundles (see E2eeVideoCall's @NpmPackage). */
    static final String OPENTOK_VERSION = "2.35.2";

    private final HttpServer server;

    private record File(String contentType, byte[] plain, byte[] gzipped) {}

    private SamplePage(Map<String, File> files) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                File file = files.get(path.equals("/") ? "/index.html" : path);
                if (file == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                send(exchange, file);
            }
        });
        server.start();
    }

    /** Serves the page on a free port of localhost, with the given {@code opentok.min.js}. */
    static SamplePage serve(Path openTokScript) throws IOException {
        return new SamplePage(Map.of(
                "/index.html", file("text/html; charset=utf-8", resource("index.html")),
                "/call.css", file("text/css; charset=utf-8", resource("call.css")),
                "/call.js", file("text/javascript; charset=utf-8", resource("call.js")),
                "/opentok.min.js", file("text/javascript; charset=utf-8", Files.readAllBytes(openTokScript))));
    }

    URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/");
    }

    private static void send(HttpExchange exchange, File file) throws IOException {
        String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        boolean gzip = accepted != null && accepted.contains("gzip");
        byte[] body = gzip ? file.gzipped() : file.plain();
        exchange.getResponseHeaders().set("Content-Type", file.contentType());
        exchange.getResponseHeaders().set("Vary", "Accept-Encoding");
        if (gzip) {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Compressed once up front, at the JDK's default level (6), as a server caching compressed files would. */
    private static File file(String contentType, byte[] plain) throws IOException {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write(plain);
        }
        return new File(contentType, plain, gzipped.toByteArray());
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SamplePage.class.getResourceAsStream("/bench/sample-page/" + name)) {
            if (in == null) {
                throw new IllegalStateException("bench/sample-page/" + name + " is missing from the test resources");
            }
            return in.readAllBytes();
        }
    }

    /**
     * {@code opentok.min.js} of the version the app bundles: from the frontend build's node_modules
     * when it is there (it is not when the committed bundle was used), else from the npm registry
     * with {@code npm pack}, kept under target/benchmarks for the next run.
     */
    static Path openTokScript() throws IOException, InterruptedException {
        Path installed = Path.of("node_modules/@vonage/client-sdk-video");
        if (Files.exists(installed.resolve("dist/js/opentok.min.js"))
                && Files.readString(installed.resolve("package.json"))
                        .contains("\"version\": \"" + OPENTOK_VERSION + "\"")) {
            return installed.resolve("dist/js/opentok.min.js");
        }
        Path directory = Figures.DIRECTORY.resolve("vonage-client-sdk-video-" + OPENTOK_VERSION);
        Path script = directory.resolve("package/dist/js/opentok.min.js");
        if (Files.exists(script)) {
            return script;
        }
        Files.createDirectories(directory);
        run(directory, "npm", "pack", "--silent", "@vonage/client-sdk-video@" + OPENTOK_VERSION);
        run(
                directory,
                "tar",
                "-xzf",
                "vonage-client-sdk-video-" + OPENTOK_VERSION + ".tgz",
                "package/dist/js/opentok.min.js");
        return script;
    }

    private static void run(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .inheritIO()
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed in " + directory);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
