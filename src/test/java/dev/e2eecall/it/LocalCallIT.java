package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.e2eecall.KeyForms;
import dev.e2eecall.local.LocalProperties;
import java.util.List;
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
            assertThat(ada.form().backendNote()).hasText("Peer-to-peer call: up to 4 people");

            String key = "geteilter-Schlüssel-李-🔑";
            ada.join(ADA, key);
            grace.join(GRACE, key);

            ada.awaitRemoteVideoPlaying(GRACE);
            grace.awaitRemoteVideoPlaying(ADA);
            assertThat(ada.call().everyRemoteTile().mismatch()).hasCount(0);
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

            assertThat(ada.remoteTile(GRACE).mismatch()).containsText("Encryption key mismatch");
            assertThat(grace.remoteTile(ADA).mismatch()).containsText("Encryption key mismatch");
            assertThat(ada.remoteFramesShown(GRACE)).isZero();
            assertThat(grace.remoteFramesShown(ADA)).isZero();

            grace.changeKey(adasKey);

            assertThat(ada.remoteTile(GRACE).mismatch()).hasCount(0);
            assertThat(grace.remoteTile(ADA).mismatch()).hasCount(0);
            ada.awaitRemoteVideoPlaying(GRACE);
            grace.awaitRemoteVideoPlaying(ADA);

            grace.call().leave().click();
            assertThat(ada.remoteTile(GRACE).tile()).hasCount(0);
            assertThat(ada.call().status()).hasText("Connected. Waiting for others to join.");

            assertNoKeySent(Map.of(ada, ADA, grace, GRACE), adasKey, gracesKey);
        }
    }

    @Test
    void frozenBrowser_leavesTheRoomWithinSeconds_whileTheOneThatStaysIsKeptPastTheSilenceLimit() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            String key = "the-key-for-frozen";
            List<Tab> tabs = call.inCall("frozen", key, ADA, GRACE);
            Tab ada = tabs.get(0);
            Tab grace = tabs.get(1);

            long frozen = System.nanoTime();
            grace.freeze();

            // the server takes the silent browser out and tells Ada: after the app's silence, checked every second
            assertThat(ada.remoteTile(GRACE).tile())
                    .hasCount(
                            0,
                            new LocatorAssertions.HasCountOptions()
                                    .setTimeout(SILENCE.plusSeconds(10).toMillis()));
            System.out.printf(
                    "A frozen browser left the room after %d ms (silence %s)%n",
                    (System.nanoTime() - frozen) / 1_000_000, SILENCE);
            assertThat(ada.call().status()).hasText("Connected. Waiting for others to join.");
            // Ada, silent but for her page's beats, is still in the room past the silence limit
            assertThat(ada.traffic().sentContaining("alive"))
                    .isGreaterThanOrEqualTo((int) (SILENCE.toSeconds() / LocalProperties.BEAT.toSeconds()));
            Tab alan = call.open("/room/frozen");
            alan.join(ALAN, key);
            alan.awaitRemoteVideoPlaying(ADA);
            ada.awaitRemoteVideoPlaying(ALAN);
            assertThat(alan.call().remoteTiles()).hasCount(1);
        }
    }

    @Test
    void mutedParticipant_isShownMutedOnTheOtherSide_andTheSpeakingMarkMovesToTheOneWhoSendsSound() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            String key = "presence-shared-key";
            List<Tab> tabs = call.inCall("presence", key, ADA, GRACE);
            Tab ada = tabs.get(0);
            Tab grace = tabs.get(1);

            // the fake microphones beep: with Ada muted, only Grace sends sound
            ada.call().microphoneOn().click();
            assertThat(grace.remoteTile(ADA).mediaState()).hasText("Microphone off");
            assertThat(ada.remoteTile(GRACE).tile()).hasClass(SPEAKING);
            assertThat(grace.remoteTile(ADA).tile()).not().hasClass(SPEAKING);

            grace.call().microphoneOn().click();
            ada.call().microphoneOff().click();
            assertThat(grace.remoteTile(ADA).mediaState()).hasCount(0);
            assertThat(ada.remoteTile(GRACE).mediaState()).hasText("Microphone off");
            assertThat(grace.remoteTile(ADA).tile()).hasClass(SPEAKING);
            assertThat(ada.remoteTile(GRACE).tile()).not().hasClass(SPEAKING);

            grace.call().cameraOn().click();
            assertThat(ada.remoteTile(GRACE).mediaState()).hasText("Microphone and camera off");
            assertNoKeySent(Map.of(ada, ADA, grace, GRACE), key);
        }
    }

    @Test
    void screenShare_isDecodedInTheOtherTab_inTheSpotlight_andStoppingEitherWayRemovesIt() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            String key = "screen-share-key-1";
            List<Tab> tabs = call.inCall("screen-share", key, ADA, GRACE);
            Tab ada = tabs.get(0);
            Tab grace = tabs.get(1);

            ada.call().shareScreen().click();
            assertThat(ada.call().stopSharing()).hasAttribute("aria-pressed", "true");
            assertThat(ada.call().screenTile().label()).hasText("Your screen");
            TilePage spotlight = grace.call().screenInTheSpotlight();
            assertThat(spotlight.label()).hasText(ADA + "’s screen");
            assertThat(grace.call().announcement()).hasText(ADA + " is sharing their screen");
            assertThat(grace.call().announcement()).hasAttribute("role", "status");
            // the screen's frames, decoded: not the camera's
            grace.awaitSharedScreenPlaying();
            assertThat(grace.remoteTile(ADA).tile()).hasCount(1);

            ada.call().stopSharing().click();
            assertThat(spotlight.tile()).hasCount(0);
            assertThat(grace.call().spotlight()).hasCount(0);

            // the browser's own "Stop sharing" ends the track: the call stops sharing too
            ada.call().shareScreen().click();
            assertThat(spotlight.tile()).hasCount(1);
            ada.call()
                    .screenTile()
                    .video()
                    .evaluate("video => video.srcObject.getVideoTracks()[0].dispatchEvent(new Event('ended'))");
            assertThat(ada.call().shareScreen()).hasAttribute("aria-pressed", "false");
            assertThat(spotlight.tile()).hasCount(0);
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
