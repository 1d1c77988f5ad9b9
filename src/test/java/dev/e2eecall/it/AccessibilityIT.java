package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * axe-core scans of the form, the call, the key mismatch and a shared screen (no serious or critical
 * violation), and a call joined, toggled and left with the keyboard alone.
 */
class AccessibilityIT extends LocalModeBrowserTest {

    @Test
    void formDevicesCallMismatchAndSharedScreen_haveNoSeriousOrCriticalViolation() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/axe");
            Tab grace = call.open("/room/axe");
            assertNoSeriousViolation(ada.page(), "form");
            ada.form().checkDevices().click();
            assertThat(ada.form().devicePreviewVideo()).isVisible();
            assertNoSeriousViolation(ada.page(), "camera and microphone check");

            ada.join("Ada", "axe-room-key-01");
            grace.join("Grace", "another-key-0002");
            assertThat(ada.remoteTile("Grace").mismatch()).isVisible();
            assertNoSeriousViolation(ada.page(), "mismatch");

            grace.changeKey("axe-room-key-01");
            ada.awaitRemoteVideoPlaying("Grace");
            assertNoSeriousViolation(ada.page(), "call");
            ada.call().devices().click();
            assertThat(ada.call().deviceLists().camera()).isVisible();
            assertNoSeriousViolation(ada.page(), "device list in the call");
            ada.call().devices().click();

            grace.call().shareScreen().click();
            assertThat(ada.call().screenInTheSpotlight().tile()).isVisible();
            assertNoSeriousViolation(ada.page(), "shared screen");
        }
    }

    @Test
    void keyboardAlone_joinsTogglesAndLeaves() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/keyboard");
            Page page = ada.page();
            ada.form().name().focus();
            page.keyboard().type("Ada");
            page.keyboard().press("Tab");
            page.keyboard().type("keyboard-only-key");
            page.keyboard().press("Enter");
            ada.awaitConnected();

            page.keyboard().press("Control+d");
            assertThat(ada.call().microphoneOff()).hasAttribute("aria-pressed", "false");
            ada.call().leave().focus();
            page.keyboard().press("Enter");
            assertThat(ada.left().rejoin()).isFocused();
            page.keyboard().press("Tab");
            page.keyboard().press("Enter");
            assertThat(ada.form().name()).isVisible();
        }
    }

    static void assertNoSeriousViolation(Page page, String state) {
        AxeResults results = new AxeBuilder(page).analyze();
        // a scan that checked nothing would pass too: it must have passed rules on this page
        assertThat(results.getPasses())
                .as("rules axe checked and passed in the %s", state)
                .hasSizeGreaterThan(10);
        List<Rule> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        assertThat(serious)
                .as(
                        "serious or critical axe violations in the %s: %s",
                        state,
                        serious.stream()
                                .map(rule -> rule.getId() + " "
                                        + rule.getNodes().stream()
                                                .map(node -> String.valueOf(node.getTarget()))
                                                .toList())
                                .toList())
                .isEmpty();
    }
}
