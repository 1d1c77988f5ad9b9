package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.e2eecall.it.LocalCall.Tab;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real peer-to-peer E2EE calls between browser contexts, through the packaged app with no credentials. */
class LocalCallIT extends LocalModeBrowserTest {


    @Test
    void sameKey_eachSideDecodesTheOthersVideo_andNoKeyIsEverSent() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/same-key");
            Tab grace = call.open("/room/same-key");
            assertThat(ada.page().getByText("Local mode: peer-to-peer calls through this server")).isVisible();

            ada.join("Ada", "sharedSecretKey1");
            grace.join("Grace", "sharedSecretKey1");

            ada.awaitRemoteVideoPlaying("Grace");
            grace.awaitRemoteVideoPlaying("Ada");
            assertThat(ada.page().locator(".tile.remote .mismatch")).hasCount(0);
            assertNoKeySent(List.of(ada, grace), "sharedSecretKey1");
        }
    }

    @Test
    void differentKeys_showMismatchOnBothSides_untilAChangeMakesThemEqual_thenLeaveRemovesTheTile() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/mismatch");
            Tab grace = call.open("/room/mismatch");

            ada.join("Ada", "adasOwnSecretKey");
            grace.join("Grace", "gracesOtherSecret");

            assertThat(ada.remoteTile("Grace").locator(".mismatch")).containsText("Encryption key mismatch");
            assertThat(grace.remoteTile("Ada").locator(".mismatch")).containsText("Encryption key mismatch");
            assertThat(ada.remoteFramesShown("Grace")).isZero();
            assertThat(grace.remoteFramesShown("Ada")).isZero();

            grace.changeKey("adasOwnSecretKey");

            assertThat(ada.remoteTile("Grace").locator(".mismatch")).hasCount(0);
            assertThat(grace.remoteTile("Ada").locator(".mismatch")).hasCount(0);
            ada.awaitRemoteVideoPlaying("Grace");
            grace.awaitRemoteVideoPlaying("Ada");

            grace.button("Leave").click();
            assertThat(ada.remoteTile("Grace")).hasCount(0);
            assertThat(ada.page().getByText("Connected. Waiting for others to join.")).isVisible();

            assertNoKeySent(List.of(ada, grace), "adasOwnSecretKey", "gracesOtherSecret");
            assertThat(app.output()).as("server log").doesNotContain("adasOwnSecretKey").doesNotContain("gracesOtherSecret");
        }
    }

    private static void assertNoKeySent(List<Tab> tabs, String... keys) {
        for (Tab tab : tabs) {
            assertThat(tab.traffic().sent()).anyMatch(entry -> entry.startsWith("websocket"));
            for (String key : keys) {
                assertThat(tab.traffic().sentContaining(key)).as("messages carrying %s", key).isZero();
            }
            assertThat(tab.policyViolations()).as("Content-Security-Policy violations").isEmpty();
        }
    }
}
