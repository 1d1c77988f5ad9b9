package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import dev.e2eecall.it.LocalCall.Tab;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The call screen in a real two-person local call: the layout at phone and desktop width, the badge, the shortcuts. */
class CallScreenIT extends LocalModeBrowserTest {

    @Test
    void twoPersonCall_fillsTheWindow_atDesktopAndPhoneWidth_withTheBarInView() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/screen-layout");
            Tab grace = call.open("/room/screen-layout");
            ada.page().setViewportSize(1280, 800);
            ada.join("Ada", "screen-layout-key");
            grace.join("Grace", "screen-layout-key");
            ada.awaitRemoteVideoPlaying("Grace");

            assertFillsTheWindow(ada.page(), 1280, 800);
            assertThat(ada.page().locator(".grid")).hasAttribute("data-tiles", "2");
            assertThat(columns(ada.page())).isEqualTo(2);

            ada.page().setViewportSize(390, 844);
            assertFillsTheWindow(ada.page(), 390, 844);
            assertThat(columns(ada.page())).as("tiles stacked at phone width").isEqualTo(1);
            assertThat(ada.button("Microphone on")).isVisible();
            assertThat(ada.button("Leave")).isInViewport();
            assertThat((Boolean) ada.page().evaluate("document.scrollingElement.scrollWidth <= window.innerWidth"))
                    .as("no sideways scrolling")
                    .isTrue();
        }
    }

    @Test
    void badge_explainsTheEncryption_besideTheSafetyCode() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/screen-badge");
            ada.join("Ada", "screen-badge-key");
            assertThat(ada.page().getByText("Connected.")).isVisible();

            Locator badge = ada.page().locator(".e2ee-badge");
            assertThat(badge.locator("summary")).hasText("End-to-end encrypted");
            assertThat(ada.page().locator(".safety-code")).hasText(Pattern.compile("^Safety code "));
            assertThat(badge.getByText("Neither this app’s server nor the video service"))
                    .isHidden();
            badge.locator("summary").click();
            assertThat(badge.getByText("Neither this app’s server nor the video service"))
                    .isVisible();
        }
    }

    @Test
    void shortcuts_toggleMicrophoneAndCamera_andTheTilesSayIt() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/screen-shortcuts");
            ada.join("Ada", "screen-shortcuts-key");
            assertThat(ada.page().getByText("Connected.")).isVisible();

            ada.page().keyboard().press("Control+d");
            assertThat(ada.button("Microphone off")).hasAttribute("aria-pressed", "false");
            ada.page().keyboard().press("Control+e");
            assertThat(ada.button("Camera off")).hasAttribute("aria-pressed", "false");
            assertThat(ada.page().locator(".tile.own .media-state")).hasText("Microphone and camera off");
            assertThat(ada.button("Microphone off")).hasAttribute("title", "Unmute the microphone (Ctrl+D)");

            ada.page().keyboard().press("Control+d");
            assertThat(ada.button("Microphone on")).hasAttribute("aria-pressed", "true");
        }
    }

    private static void assertFillsTheWindow(Page page, int width, int height) {
        BoundingBox panel = page.locator(".call-panel").boundingBox();
        assertThat(panel.width).isEqualTo(width);
        assertThat(panel.height).isEqualTo(height);
        BoundingBox bar = page.locator(".call-controls").boundingBox();
        assertThat(bar.y + bar.height).as("control bar bottom").isLessThanOrEqualTo(height);
        BoundingBox grid = page.locator(".grid").boundingBox();
        assertThat(grid.height).as("the videos take most of the height").isGreaterThan(height * 0.5);
    }

    private static int columns(Page page) {
        return ((Number) page.evaluate(
                        "getComputedStyle(document.querySelector('.grid')).gridTemplateColumns.split(' ').length"))
                .intValue();
    }
}
