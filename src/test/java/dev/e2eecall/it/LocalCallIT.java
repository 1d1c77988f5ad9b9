package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.e2eecall.it.LocalCall.Tab;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Real peer-to-peer E2EE calls between browser contexts, through the packaged app with no credentials. */
class LocalCallIT extends LocalModeBrowserTest {

    private static final String ADA = "Ada Lovelace-Ω";
    private static final String GRACE = "Grace Hopper-李";
    private static final String ALAN = "Alan Turing";
    private static final Pattern SPEAKING = Pattern.compile("\\bspeaking\\b");

    @Test
    void sameKey_eachSideDecodesTheOthersVideo_andNoKeyIsEverSent() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/same-key");
            Tab grace = call.open("/room/same-key");
            assertThat(ada.page().getByText("Peer-to-peer call: up to 4 people"))
                    .isVisible();

            String key = "geteilter-Schlüssel-李-🔑";
            ada.join(ADA, key);
            grace.join(GRACE, key);

            ada.awaitRemoteVideoPlaying(GRACE);
            grace.awaitRemoteVideoPlaying(ADA);
            assertThat(ada.page().locator(".tile.remote .mismatch")).hasCount(0);
            assertNoKeySent(Map.of(ada, ADA, grace, GRACE), key);
        }
    }

    @Test
    void differentKeys_showMismatchOnBothSides_untilAChangeMakesThemEqual_thenLeaveRemovesTheTile() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/mismatch");
            Tab grace = call.open("/room/mismatch");

            String adasKey = "adasOwnSecretKey";
            String gracesKey = "grâce-другой-ключ-🗝️";
            ada.join(ADA, adasKey);
            grace.join(GRACE, gracesKey);

            assertThat(ada.remoteTile(GRACE).locator(".mismatch")).containsText("Encryption key mismatch");
            assertThat(grace.remoteTile(ADA).locator(".mismatch")).containsText("Encryption key mismatch");
            assertThat(ada.remoteFramesShown(GRACE)).isZero();
            assertThat(grace.remoteFramesShown(ADA)).isZero();

            grace.changeKey(adasKey);

            assertThat(ada.remoteTile(GRACE).locator(".mismatch")).hasCount(0);
            assertThat(grace.remoteTile(ADA).locator(".mismatch")).hasCount(0);
            ada.awaitRemoteVideoPlaying(GRACE);
            grace.awaitRemoteVideoPlaying(ADA);

            grace.button("Leave").click();
            assertThat(ada.remoteTile(GRACE)).hasCount(0);
            assertThat(ada.page().getByText("Connected. Waiting for others to join."))
                    .isVisible();

            assertNoKeySent(Map.of(ada, ADA, grace, GRACE), adasKey, gracesKey);
        }
    }

    @Test
    void frozenBrowser_leavesTheRoomWithinSeconds_whileTheOneThatStaysIsKeptPastTheSilenceLimit() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/frozen");
            Tab grace = call.open("/room/frozen");
            String key = "the-key-for-frozen";
            ada.join(ADA, key);
            grace.join(GRACE, key);
            ada.awaitRemoteVideoPlaying(GRACE);

            long frozen = System.nanoTime();
            grace.freeze();

            // the server takes the silent browser out and tells Ada; 15 s of silence, checked every second
            assertThat(ada.remoteTile(GRACE)).hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(25_000));
            System.out.printf("A frozen browser left the room after %d ms%n", (System.nanoTime() - frozen) / 1_000_000);
            assertThat(ada.page().getByText("Connected. Waiting for others to join."))
                    .isVisible();
            // Ada, silent but for her page's beats, is still in the room well past the 15 s limit
            assertThat(ada.traffic().sentContaining("alive")).isGreaterThanOrEqualTo(3);
            Tab alan = call.open("/room/frozen");
            alan.join(ALAN, key);
            alan.awaitRemoteVideoPlaying(ADA);
            ada.awaitRemoteVideoPlaying(ALAN);
            assertThat(alan.page().locator(".tile.remote")).hasCount(1);
        }
    }

    @Test
    void mutedParticipant_isShownMutedOnTheOtherSide_andTheSpeakingMarkMovesToTheOneWhoSendsSound() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/presence");
            Tab grace = call.open("/room/presence");
            String key = "presence-shared-key";
            ada.join(ADA, key);
            grace.join(GRACE, key);
            ada.awaitRemoteVideoPlaying(GRACE);
            grace.awaitRemoteVideoPlaying(ADA);

            // the fake microphones beep: with Ada muted, only Grace sends sound
            ada.button("Microphone on").click();
            assertThat(grace.remoteTile(ADA).locator(".media-state")).hasText("Microphone off");
            assertThat(ada.remoteTile(GRACE)).hasClass(SPEAKING);
            assertThat(grace.remoteTile(ADA)).not().hasClass(SPEAKING);

            grace.button("Microphone on").click();
            ada.button("Microphone off").click();
            assertThat(grace.remoteTile(ADA).locator(".media-state")).hasCount(0);
            assertThat(ada.remoteTile(GRACE).locator(".media-state")).hasText("Microphone off");
            assertThat(grace.remoteTile(ADA)).hasClass(SPEAKING);
            assertThat(ada.remoteTile(GRACE)).not().hasClass(SPEAKING);

            grace.button("Camera on").click();
            assertThat(ada.remoteTile(GRACE).locator(".media-state")).hasText("Microphone and camera off");
            assertNoKeySent(Map.of(ada, ADA, grace, GRACE), key);
        }
    }

    @Test
    void screenShare_isDecodedInTheOtherTab_inTheSpotlight_andStoppingEitherWayRemovesIt() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/screen-share");
            Tab grace = call.open("/room/screen-share");
            String key = "screen-share-key-1";
            ada.join(ADA, key);
            grace.join(GRACE, key);
            grace.awaitRemoteVideoPlaying(ADA);

            ada.button("Share screen").click();
            assertThat(ada.button("Stop sharing")).hasAttribute("aria-pressed", "true");
            assertThat(ada.page().locator(".tile.screen .label")).hasText("Your screen");
            Locator spotlight = grace.page().locator(".stage.spotlight .tile.screen");
            assertThat(spotlight.locator(".label")).hasText(ADA + "’s screen");
            assertThat(grace.page().locator(".announcement")).hasText(ADA + " is sharing their screen");
            assertThat(grace.page().locator(".announcement")).hasAttribute("role", "status");
            // the fake screen is 1280x720, the fake camera 640x480: these are the screen's frames, decoded
            grace.page()
                    .waitForFunction(
                            """
                    () => {
                      const video = document.querySelector('.tile.screen video');
                      if (!video || video.videoWidth !== 1280) return false;
                      const frames = video.getVideoPlaybackQuality().totalVideoFrames;
                      const seen = (video.dataset.framesSeen = video.dataset.framesSeen ?? String(frames));
                      return frames > Number(seen) + 5;
                    }""",
                            null,
                            new Page.WaitForFunctionOptions().setTimeout(30_000).setPollingInterval(200));
            assertThat(grace.remoteTile(ADA)).hasCount(1);

            ada.button("Stop sharing").click();
            assertThat(spotlight).hasCount(0);
            assertThat(grace.page().locator(".stage.spotlight")).hasCount(0);

            // the browser's own "Stop sharing" ends the track: the call stops sharing too
            ada.button("Share screen").click();
            assertThat(spotlight).hasCount(1);
            ada.page()
                    .evaluate("document.querySelector('.tile.screen video').srcObject.getVideoTracks()[0]"
                            + ".dispatchEvent(new Event('ended'))");
            assertThat(ada.button("Share screen")).hasAttribute("aria-pressed", "false");
            assertThat(spotlight).hasCount(0);
            assertNoKeySent(Map.of(ada, ADA, grace, GRACE), key);
        }
    }

    /**
     * No form of any key in what each tab sent or received, nor in the server's log; each tab's
     * capture saw its typed name go out, and the push websocket that carries the signalling.
     */
    private static void assertNoKeySent(Map<Tab, String> tabsAndNames, String... keys) {
        tabsAndNames.forEach((tab, name) -> {
            assertThat(tab.traffic().sent()).anyMatch(entry -> entry.startsWith("websocket"));
            assertThat(tab.traffic().sentFormsOf(name))
                    .as("the typed name in what the page sent")
                    .isNotEmpty();
            for (String key : keys) {
                assertThat(tab.traffic().sentFormsOf(key))
                        .as("what the page sent, searched for %s", key)
                        .isEmpty();
                assertThat(tab.traffic().receivedFormsOf(key))
                        .as("what the page received, searched for %s", key)
                        .isEmpty();
            }
            assertThat(tab.policyViolations())
                    .as("Content-Security-Policy violations")
                    .isEmpty();
        });
        for (String key : keys) {
            assertThat(KeyForms.of(key).foundIn(app.output()))
                    .as("server log, searched for %s", key)
                    .isEmpty();
        }
    }
}
