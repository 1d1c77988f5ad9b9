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
     * ({@code LOCAL_SILENCE}): three of the browsers' beats, as the 15 s default. Two were tried: on a
     * loaded machine a live background tab of a four-tab call missed two beats and lost its place.
     */
    static final Duration SILENCE = LocalProperties.BEAT.multipliedBy(3);

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
