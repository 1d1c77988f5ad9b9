package dev.e2eecall.it;

import dev.e2eecall.opentok.OpenTokStandIn;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Browser tests against the packaged app in OpenTok mode: made-up credentials, the REST API played
 * by a local stand-in, and Chromium.
 */
abstract class OpenTokModeBrowserTest {

    static final int API_KEY = 47110815;
    static final String API_SECRET = "made-up-api-secret-0123456789abcdef012345";

    @TempDir
    static Path workingDirectory;
    static OpenTokStandIn standIn;
    static PackagedApp app;
    static Chromium chromium;

    @BeforeAll
    static void startApp() {
        standIn = new OpenTokStandIn(API_KEY);
        app = PackagedApp.startWithOpenTok(workingDirectory, standIn, API_SECRET, Map.of());
        chromium = new Chromium();
    }

    @AfterAll
    static void stopApp() {
        chromium.close();
        app.close();
        standIn.close();
    }
}
