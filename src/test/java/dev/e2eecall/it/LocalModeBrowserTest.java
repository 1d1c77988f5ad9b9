package dev.e2eecall.it;

import dev.e2eecall.local.LocalProperties;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Browser tests against the packaged app with no credentials, that is in local mode, and Chromium;
 * both shared by every such test of the JVM ({@link SharedApps}).
 */
@ExtendWith(LocalModeBrowserTest.Shared.class)
abstract class LocalModeBrowserTest {

    /**
     * How long the app lets a browser in a call say nothing before it takes it out of its room
     * ({@code LOCAL_SILENCE}): shorter than the 15 s default, so that a test of a tab that froze
     * waits less, and still twice the browsers' beat, so that no live tab of a busy machine is taken out.
     */
    static final Duration SILENCE = LocalProperties.BEAT.multipliedBy(2);

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
