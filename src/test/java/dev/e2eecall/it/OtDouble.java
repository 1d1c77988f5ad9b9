package dev.e2eecall.it;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The test double of OpenTok.js (test resources), served in place of the bundled library chunk,
 * and what a test asks of it in the page: the calls the page made into it, and remote streams made up.
 */
final class OtDouble {

    private static final String SOURCE = read();

    private OtDouble() {}

    /** From now on the page gets the double whenever it loads OpenTok.js. */
    static void replaceOpenTokIn(Page page) {
        page.route(
                "**/VAADIN/build/opentok-*.js",
                route -> route.fulfill(new Route.FulfillOptions()
                        .setStatus(200)
                        .setContentType("text/javascript")
                        .setBody(SOURCE)));
    }

    /** The double has no network: each side learns of the other's camera stream from the test. */
    static void addRemote(Page page, String streamId, String name) {
        addRemoteStream(page, Map.of("streamId", streamId, "name", name, "connectionData", connectionData(name)));
    }

    /** Someone's shared screen, as OpenTok.js announces it: a stream whose video type is screen. */
    static void addRemoteScreen(Page page, String streamId, String name) {
        addRemoteStream(
                page, Map.of("streamId", streamId, "videoType", "screen", "connectionData", connectionData(name)));
    }

    /** A remote stream with the given properties ({@code streamId}, {@code name}, {@code connectionData}, ...). */
    static void addRemoteStream(Page page, Map<String, String> stream) {
        page.evaluate("spec => otDouble.addRemoteStream(spec)", stream);
    }

    /** The first argument of every call of the named method into the double, as text. */
    @SuppressWarnings("unchecked")
    static List<String> callArguments(Page page, String method) {
        return (List<String>) page.evaluate(
                "method => otDouble.calls.filter(call => call.method === method)"
                        + ".map(call => String(call.args[0]))",
                method);
    }

    /** The names of the methods the page called into the double, in order; none when it was never loaded. */
    @SuppressWarnings("unchecked")
    static List<String> callNames(Page page) {
        return (List<String>)
                page.evaluate("typeof otDouble === 'undefined' ? [] : otDouble.calls.map(call => call.method)");
    }

    /** The key the page handed to {@code OT.initSession}. */
    static String initSessionSecret(Page page) {
        return (String)
                page.evaluate("otDouble.calls.find(call => call.method === 'initSession').args[2].encryptionSecret");
    }

    /** The token's connection data naming the participant, as the app's server signs it. */
    private static String connectionData(String name) {
        return "{\"name\":\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }

    private static String read() {
        try (InputStream in = OtDouble.class.getResourceAsStream("/ot-double/ot-double.js")) {
            if (in == null) {
                throw new IllegalStateException("ot-double/ot-double.js is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
