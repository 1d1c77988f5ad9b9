package dev.e2eecall.it;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The test double of OpenTok.js (test resources), served in place of the bundled library chunk. */
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
