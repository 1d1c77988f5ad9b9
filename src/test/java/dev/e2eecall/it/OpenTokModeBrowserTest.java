package dev.e2eecall.it;

import dev.e2eecall.opentok.OpenTokStandIn;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Browser tests against the packaged app in OpenTok mode: made-up credentials, the REST API played
 * by a local stand-in, and Chromium; all three shared by every such test of the JVM ({@link SharedApps}).
 */
@ExtendWith(OpenTokModeBrowserTest.Shared.class)
abstract class OpenTokModeBrowserTest {

    static final int API_KEY = 47110815;
    static final String API_SECRET = "made-up-api-secret-0123456789abcdef012345";

    static OpenTokStandIn standIn;
    static PackagedApp app;
    static Chromium chromium;

    static final class Shared implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            SharedApps.OpenTokMode shared = SharedApps.openTokMode(context);
            standIn = shared.standIn();
            app = shared.app();
            chromium = SharedApps.chromium(context);
        }
    }
}
