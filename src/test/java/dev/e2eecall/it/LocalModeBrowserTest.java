package dev.e2eecall.it;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Browser tests against the packaged app with no credentials, that is in local mode, and Chromium. */
abstract class LocalModeBrowserTest {

    @TempDir
    static Path workingDirectory;
    static PackagedApp app;
    static Chromium chromium;

    @BeforeAll
    static void startApp() {
        app = PackagedApp.start(workingDirectory, Map.of());
        chromium = new Chromium();
    }

    @AfterAll
    static void stopApp() {
        chromium.close();
        app.close();
    }
}
