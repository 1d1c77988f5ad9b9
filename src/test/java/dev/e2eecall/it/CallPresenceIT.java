package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.e2eecall.it.OtDouble.addRemote;
import static dev.e2eecall.it.OtDouble.addRemoteScreen;
import static dev.e2eecall.it.OtDouble.callNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Who is speaking and who is muted, in the OpenTok engine, from OpenTok.js's events (played by the double). */
class CallPresenceIT extends DoubleCallTest {

    private static final Pattern SPEAKING = Pattern.compile("\\bspeaking\\b");

    @Test
    void remoteMicrophoneAndCameraOff_showOnTheirTile_fromStreamPropertyChanged() {
        Tab ada = participant("presence-muted");
        ada.join("Ada", "presence-key-01");
        addRemote(ada.page(), "grace-stream", "Grace");
        TilePage grace = ada.call().remoteTileOf("grace-stream");
        assertThat(grace.mediaState()).hasCount(0);

        ada.page().evaluate("otDouble.changeRemoteStream('grace-stream', 'hasAudio', false)");
        assertThat(grace.mediaState()).hasText("Microphone off");
        ada.page().evaluate("otDouble.changeRemoteStream('grace-stream', 'hasVideo', false)");
        assertThat(grace.mediaState()).hasText("Microphone and camera off");
        assertThat(grace.tile()).hasClass(Pattern.compile("\\bcamera-off\\b"));

        ada.page().evaluate("otDouble.changeRemoteStream('grace-stream', 'hasAudio', true)");
        ada.page().evaluate("otDouble.changeRemoteStream('grace-stream', 'hasVideo', true)");
        assertThat(grace.mediaState()).hasCount(0);
    }

    @Test
    void aStreamThatArrivesMuted_showsMutedAtOnce() {
        Tab ada = participant("presence-arrives-muted");
        ada.join("Ada", "presence-key-02");
        ada.page().evaluate("""
                () => {
                  const id = otDouble.addRemoteStream({ streamId: 'quiet', connectionData: '{"name":"Quiet"}' });
                  otDouble.changeRemoteStream(id, 'hasAudio', false);
                }""");
        assertThat(ada.call().remoteTileOf("quiet").mediaState()).hasText("Microphone off");
    }

    @Test
    void speakingMark_followsTheAudioLevels_andFadesInSilence() {
        Tab ada = participant("presence-speaking");
        ada.join("Ada", "presence-key-03");
        addRemote(ada.page(), "grace-stream", "Grace");
        Locator grace = ada.call().remoteTileOf("grace-stream").tile();
        Locator own = ada.call().ownTile().tile();

        ada.page().evaluate("otDouble.remoteAudioLevel('grace-stream', 0.4)");
        assertThat(grace).hasClass(SPEAKING);
        assertThat(own).not().hasClass(SPEAKING);

        ada.page().evaluate("otDouble.remoteAudioLevel('grace-stream', 0.001); otDouble.ownAudioLevel(0.5)");
        assertThat(own).hasClass(SPEAKING);
        // no loud level for Grace since: the mark goes after the hold
        assertThat(grace).not().hasClass(SPEAKING);
    }

    @Test
    void screenShare_isASecondPublisherWithVideoSourceScreen_inTheSameSession_andRemoteScreensTakeTheSpotlight() {
        Tab ada = participant("presence-screen");
        ada.join("Ada", "presence-key-04");
        Page page = ada.page();
        CallPage call = ada.call();

        call.shareScreen().click();
        assertThat(call.stopSharing()).hasAttribute("aria-pressed", "true");
        assertThat(call.screenTile().label()).hasText("Your screen");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> publishers = (List<Map<String, Object>>) page.evaluate(
                "otDouble.calls.filter(call => call.method === 'initPublisher').map(call => call.args[1])");
        assertThat(publishers).hasSize(2);
        assertThat(publishers.get(1)).containsEntry("videoSource", "screen").containsEntry("publishAudio", false);
        assertThat(callNames(page).stream().filter("publish"::equals)).hasSize(2);
        assertThat((Number) page.evaluate("new Set(otDouble.calls.filter(call => call.method === 'initSession')"
                        + ".map(call => call.args[1])).size"))
                .isEqualTo(1);

        addRemoteScreen(page, "grace-screen", "Grace");
        assertThat(call.screenInTheSpotlight().label()).hasText("Grace’s screen");
        assertThat(call.remoteTiles()).hasCount(0);

        page.evaluate("otDouble.removeRemoteStream('grace-screen')");
        assertThat(call.screenTile().label()).hasText("Your screen");

        // the browser's own "Stop sharing" ends the screen track: OpenTok.js says mediaStopped
        page.evaluate("otDouble.publisherTracks().find(track => track.label.startsWith('screen'))"
                + ".dispatchEvent(new Event('ended'))");
        assertThat(call.shareScreen()).hasAttribute("aria-pressed", "false");
        assertThat(call.screenTile().tile()).hasCount(0);
        assertThat(callNames(page)).last().isEqualTo("destroy");
        assertThat((String) page.evaluate(
                        "otDouble.publisherTracks().find(track => track.label.startsWith('screen'))" + ".readyState"))
                .isEqualTo("ended");
    }
}
