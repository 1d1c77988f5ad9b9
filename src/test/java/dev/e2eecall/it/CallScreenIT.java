package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The call screen in a real two-person local call: the layout at phone and desktop width, the badge, the shortcuts. */
class CallScreenIT extends LocalModeBrowserTest {

    @Test
    void twoPersonCall_fillsTheWindow_atDesktopAndPhoneWidth_withTheBarInView() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.inCall("screen-layout", "screen-layout-key", "Ada", "Grace")
                    .getFirst();
            Page page = ada.page();
            page.setViewportSize(1280, 800);

            assertFillsTheWindow(ada, 1280, 800);
            assertThat(ada.call().grid()).hasAttribute("data-tiles", "2");
            assertThat(columns(ada)).isEqualTo(2);

            page.setViewportSize(390, 844);
            assertFillsTheWindow(ada, 390, 844);
            assertThat(columns(ada)).as("tiles stacked at phone width").isEqualTo(1);
            assertThat(ada.call().microphoneOn()).isVisible();
            assertThat(ada.call().leave()).isInViewport();
            assertThat((Boolean) page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth"))
                    .as("no sideways scrolling")
                    .isTrue();
        }
    }

    @Test
    void badge_explainsTheEncryption_besideTheSafetyCode() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/screen-badge");
            ada.join("Ada", "screen-badge-key");

            CallPage screen = ada.call();
            assertThat(screen.badgeSummary()).hasText("End-to-end encrypted");
            assertThat(screen.safetyCode()).hasText(Pattern.compile("^Safety code "));
            Locator explanation = screen.badge().getByText("Neither this app’s server nor the video service");
            assertThat(explanation).isHidden();
            screen.badgeSummary().click();
            assertThat(explanation).isVisible();
        }
    }

    @Test
    void shortcuts_toggleMicrophoneAndCamera_andTheTilesSayIt() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/screen-shortcuts");
            ada.join("Ada", "screen-shortcuts-key");
            CallPage screen = ada.call();

            ada.page().keyboard().press("Control+d");
            assertThat(screen.microphoneOff()).hasAttribute("aria-pressed", "false");
            ada.page().keyboard().press("Control+e");
            assertThat(screen.cameraOff()).hasAttribute("aria-pressed", "false");
            assertThat(screen.ownTile().mediaState()).hasText("Microphone and camera off");
            assertThat(screen.microphoneOff()).hasAttribute("title", "Unmute the microphone (Ctrl+D)");

            ada.page().keyboard().press("Control+d");
            assertThat(screen.microphoneOn()).hasAttribute("aria-pressed", "true");
        }
    }

    private static void assertFillsTheWindow(Tab tab, int width, int height) {
        BoundingBox panel = tab.call().panel().boundingBox();
        assertThat(panel.width).isEqualTo(width);
        assertThat(panel.height).isEqualTo(height);
        BoundingBox bar = tab.call().controlBar().boundingBox();
        assertThat(bar.y + bar.height).as("control bar bottom").isLessThanOrEqualTo(height);
        BoundingBox grid = tab.call().grid().boundingBox();
        assertThat(grid.height).as("the videos take most of the height").isGreaterThan(height * 0.5);
    }

    private static int columns(Tab tab) {
        return ((Number) tab.call()
                        .grid()
                        .evaluate("grid => getComputedStyle(grid).gridTemplateColumns.split(' ').length"))
                .intValue();
    }
}
