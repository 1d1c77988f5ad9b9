package dev.e2eecall.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Browser tests against the packaged app with no credentials, that is in local mode, and Chromium;
 * both shared by every such test of the JVM ({@link SharedApps}).
 */
@ExtendWith(LocalModeBrowserTest.Shared.class)
abstract class LocalModeBrowserTest {

    static PackagedApp app;
    static Chromium chromium;

    static final class Shared implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            app = SharedApps.localMode(context);
            chromium = SharedApps.chromium(context);
        }
    }
}
