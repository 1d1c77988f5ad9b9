package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
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
        Page ada = participant("presence-muted");
        join(ada, "Ada", "presence-key-01");
        addRemote(ada, "grace-stream", "Grace");
        Locator grace = ada.locator(".tile.remote[data-participant-id=grace-stream]");
        assertThat(grace.locator(".media-state")).hasCount(0);

        ada.evaluate("otDouble.changeRemoteStream('grace-stream', 'hasAudio', false)");
        assertThat(grace.locator(".media-state")).hasText("Microphone off");
        ada.evaluate("otDouble.changeRemoteStream('grace-stream', 'hasVideo', false)");
        assertThat(grace.locator(".media-state")).hasText("Microphone and camera off");
        assertThat(grace).hasClass(Pattern.compile("\\bcamera-off\\b"));

        ada.evaluate("otDouble.changeRemoteStream('grace-stream', 'hasAudio', true)");
        ada.evaluate("otDouble.changeRemoteStream('grace-stream', 'hasVideo', true)");
        assertThat(grace.locator(".media-state")).hasCount(0);
    }

    @Test
    void aStreamThatArrivesMuted_showsMutedAtOnce() {
        Page ada = participant("presence-arrives-muted");
        join(ada, "Ada", "presence-key-02");
        ada.evaluate("""
                () => {
                  const id = otDouble.addRemoteStream({ streamId: 'quiet', connectionData: '{"name":"Quiet"}' });
                  otDouble.changeRemoteStream(id, 'hasAudio', false);
                }""");
        assertThat(ada.locator(".tile.remote[data-participant-id=quiet] .media-state"))
                .hasText("Microphone off");
    }

    @Test
    void speakingMark_followsTheAudioLevels_andFadesInSilence() {
        Page ada = participant("presence-speaking");
        join(ada, "Ada", "presence-key-03");
        addRemote(ada, "grace-stream", "Grace");
        Locator grace = ada.locator(".tile.remote[data-participant-id=grace-stream]");
        Locator own = ada.locator(".tile.own");

        ada.evaluate("otDouble.remoteAudioLevel('grace-stream', 0.4)");
        assertThat(grace).hasClass(SPEAKING);
        assertThat(own).not().hasClass(SPEAKING);

        ada.evaluate("otDouble.remoteAudioLevel('grace-stream', 0.001); otDouble.ownAudioLevel(0.5)");
        assertThat(own).hasClass(SPEAKING);
        // no loud level for Grace since: the mark goes after the hold
        assertThat(grace).not().hasClass(SPEAKING);
    }

    @Test
    void screenShare_isASecondPublisherWithVideoSourceScreen_inTheSameSession_andRemoteScreensTakeTheSpotlight() {
        Page ada = participant("presence-screen");
        join(ada, "Ada", "presence-key-04");

        button(ada, "Share screen").click();
        assertThat(button(ada, "Stop sharing")).hasAttribute("aria-pressed", "true");
        assertThat(ada.locator(".tile.screen .label")).hasText("Your screen");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> publishers = (List<Map<String, Object>>) ada.evaluate(
                "otDouble.calls.filter(call => call.method === 'initPublisher').map(call => call.args[1])");
        assertThat(publishers).hasSize(2);
        assertThat(publishers.get(1)).containsEntry("videoSource", "screen").containsEntry("publishAudio", false);
        assertThat(callNames(ada).stream().filter("publish"::equals)).hasSize(2);
        assertThat((Number) ada.evaluate("new Set(otDouble.calls.filter(call => call.method === 'initSession')"
                        + ".map(call => call.args[1])).size"))
                .isEqualTo(1);

        addScreen(ada, "grace-screen", "Grace");
        assertThat(ada.locator(".stage.spotlight .tile.screen .label")).hasText("Grace’s screen");
        assertThat(ada.locator(".tile.remote")).hasCount(0);

        ada.evaluate("otDouble.removeRemoteStream('grace-screen')");
        assertThat(ada.locator(".tile.screen .label")).hasText("Your screen");

        // the browser's own "Stop sharing" ends the screen track: OpenTok.js says mediaStopped
        ada.evaluate("otDouble.publisherTracks().find(track => track.label.startsWith('screen'))"
                + ".dispatchEvent(new Event('ended'))");
        assertThat(button(ada, "Share screen")).hasAttribute("aria-pressed", "false");
        assertThat(ada.locator(".tile.screen")).hasCount(0);
        assertThat(callNames(ada)).last().isEqualTo("destroy");
        assertThat((String) ada.evaluate(
                        "otDouble.publisherTracks().find(track => track.label.startsWith('screen'))" + ".readyState"))
                .isEqualTo("ended");
    }

    private static void addScreen(Page page, String streamId, String name) {
        page.evaluate(
                "spec => otDouble.addRemoteStream(spec)",
                Map.of(
                        "streamId",
                        streamId,
                        "videoType",
                        "screen",
                        "connectionData",
                        "{\"name\":" + jsonString(name) + "}"));
    }
}
