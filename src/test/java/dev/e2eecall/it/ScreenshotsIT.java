package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's pictures, taken from the packaged app in a real local call (Chromium's fake camera
 * and screen): the form, a two-person call, a shared screen, at desktop and phone width. Written to
 * {@code target/screenshots/}; copy them to {@code docs/screenshots/} when the screen changes.
 */
class ScreenshotsIT extends LocalModeBrowserTest {

    private static final Path FOLDER = Path.of("target", "screenshots");

    @Test
    void formCallAndSharedScreen_areCaptured() throws Exception {
        Files.createDirectories(FOLDER);
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/team-standup");
            Tab grace = call.open("/room/team-standup");
            ada.page().setViewportSize(1280, 760);
            ada.form().name().fill("Ada");
            capture(ada.page(), "form.png");

            String key = "correct-horse-battery-staple";
            ada.join("Ada", key);
            grace.join("Grace", key);
            ada.awaitRemoteVideoPlaying("Grace");
            capture(ada.page(), "call.png");

            grace.call().shareScreen().click();
            assertThat(ada.call().screenInTheSpotlight().video()).isVisible();
            ada.awaitSharedScreenPlaying();
            capture(ada.page(), "shared-screen.png");

            ada.page().setViewportSize(390, 844);
            capture(ada.page(), "phone.png");
            ada.page().setViewportSize(1280, 760);

            grace.call().stopSharing().click();
            assertThat(ada.call().screenTile().tile()).hasCount(0);
            ada.call().changeKey().click();
            ada.call().generateKey().click();
            assertThat(ada.call().newKey()).hasValue(Pattern.compile(".{8,}"));
            capture(ada.page(), "key-change.png");
            ada.call().change().click();
            assertThat(ada.call().statusLine()).hasText(Pattern.compile("^Your key differs from everyone"));
            capture(ada.page(), "key-differs.png");

            ada.call().leave().click();
            assertThat(ada.left().heading()).isVisible();
            capture(ada.page(), "left.png");
        }
    }

    private static void capture(Page page, String name) throws Exception {
        Path file = FOLDER.resolve(name);
        page.screenshot(new Page.ScreenshotOptions().setPath(file));
        assertThat(Files.size(file)).as(name).isGreaterThan(10_000);
    }
}
