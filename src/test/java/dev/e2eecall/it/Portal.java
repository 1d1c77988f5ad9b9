package dev.e2eecall.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Another site's page that shows the call: served on {@code http://127.0.0.1:<port>}, a different
 * site from the app on {@code localhost}. It loads the app's {@code /embed.js}; tests call
 * {@code startCall(options)} in it and read what the host API reported from {@code window.events}.
 */
public final class Portal implements AutoCloseable {

    /** Where the call page's frame is in the portal page: {@code embed.js} puts it in the call's element. */
    static final String CALL_FRAME = "#call iframe";

    static final String PAGE = """
            <!doctype html>
            <html>
            <head><meta charset="utf-8"><title>Demo portal</title>
            <script src="%s"></script></head>
            <body>
            <h1>Demo portal</h1>
            <div id="call" style="width: 900px; height: 800px"></div>
            <script>
              window.events = [];
              window.startCall = (options) => {
                window.call = E2eeCall.open(document.getElementById('call'), options);
                for (const name of ['joined', 'participant-joined', 'participant-left', 'key-mismatch', 'key-match',
                    'key-changed', 'left', 'error']) {
                  window.call.on(name, (data) => window.events.push({ name, data }));
                }
              };
            </script>
            </body>
            </html>
            """;

    private final HttpServer server;
    private volatile URI embedScript = URI.create("about:blank");

    private Portal(HttpServer server) {
        this.server = server;
    }

    /**
     * Serves the portal page at {@code /} on 127.0.0.1 and a free port; its origin is known at once,
     * so that the app can be started with it, and then told to the portal with {@link #loading}.
     */
    public static Portal start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            Portal portal = new Portal(server);
            server.createContext("/", exchange -> {
                byte[] page = PAGE.formatted(portal.embedScript).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(page);
                }
            });
            server.start();
            return portal;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The address of the {@code /embed.js} the page loads. */
    public Portal loading(URI script) {
        this.embedScript = script;
        return this;
    }

    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public URI url() {
        return URI.create(origin() + "/");
    }

    /**
     * The same page's origin under the name {@code localhost}: the same site as the app on
     * {@code localhost} (a site is scheme and host, ports apart), though another origin.
     */
    public String sameSiteOrigin() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** The page at {@link #sameSiteOrigin()}. */
    public URI sameSiteUrl() {
        return URI.create(sameSiteOrigin() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
