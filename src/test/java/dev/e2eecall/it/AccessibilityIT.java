package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import dev.e2eecall.it.LocalCall.Tab;
import java.util.List;
import java.util.regex.Pattern;
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
            ada.button("Check camera and microphone").click();
            assertThat(ada.page().locator(".device-preview video")).isVisible();
            assertNoSeriousViolation(ada.page(), "camera and microphone check");

            ada.join("Ada", "axe-room-key-01");
            grace.join("Grace", "another-key-0002");
            assertThat(ada.remoteTile("Grace").locator(".mismatch")).isVisible();
            assertNoSeriousViolation(ada.page(), "mismatch");

            grace.changeKey("axe-room-key-01");
            ada.awaitRemoteVideoPlaying("Grace");
            assertNoSeriousViolation(ada.page(), "call");
            ada.button("Devices").click();
            assertThat(ada.field("Camera")).isVisible();
            assertNoSeriousViolation(ada.page(), "device list in the call");
            ada.button("Devices").click();

            grace.button("Share screen").click();
            assertThat(ada.page().locator(".stage.spotlight .tile.screen")).isVisible();
            assertNoSeriousViolation(ada.page(), "shared screen");
        }
    }

    @Test
    void keyboardAlone_joinsTogglesAndLeaves() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/keyboard");
            Page page = ada.page();
            ada.field("Name").focus();
            page.keyboard().type("Ada");
            page.keyboard().press("Tab");
            page.keyboard().type("keyboard-only-key");
            page.keyboard().press("Enter");
            assertThat(page.locator(".call-status")).hasText(Pattern.compile("^Connected"));

            page.keyboard().press("Control+d");
            assertThat(ada.button("Microphone off")).hasAttribute("aria-pressed", "false");
            ada.button("Leave").focus();
            page.keyboard().press("Enter");
            assertThat(ada.button("Rejoin")).isFocused();
            page.keyboard().press("Tab");
            page.keyboard().press("Enter");
            assertThat(ada.field("Name")).isVisible();
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
