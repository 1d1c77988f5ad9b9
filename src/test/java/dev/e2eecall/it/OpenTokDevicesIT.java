package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Camera and microphone choice in the OpenTok engine: what reaches OpenTok.js (played by the double). */
class OpenTokDevicesIT extends DoubleCallTest {

    @Test
    void cameraChosenInTheCheck_isThePublishersVideoSource_andSwitchesUseSetVideoSourceAndSetAudioSource() {
        Page ada = participant("ot-devices-switch");
        button(ada, "Check camera and microphone").click();
        Locator cameras = field(ada, "Camera");
        assertThat(cameras.locator("option")).hasCount(4);
        String chosen = cameras.locator("option").nth(2).getAttribute("value");
        cameras.selectOption(chosen);
        assertThat(cameras).hasValue(chosen);
        join(ada, "Ada", "ot-devices-key-01");

        Map<String, Object> properties = publisherProperties(ada).getFirst();
        assertThat(properties).containsEntry("videoSource", chosen).doesNotContainKey("audioSource");

        button(ada, "Devices").click();
        String first = cameras.locator("option").first().getAttribute("value");
        cameras.selectOption(first);
        ada.waitForFunction(
                "id => otDouble.publisherTracks().some(track => track.kind === 'video'"
                        + " && track.readyState === 'live' && track.getSettings().deviceId === id)",
                first);
        assertThat(callArguments(ada, "setVideoSource")).containsExactly(first);

        Locator microphones = field(ada, "Microphone");
        String microphone = microphones.locator("option").last().getAttribute("value");
        microphones.selectOption(microphone);
        ada.waitForFunction("() => otDouble.calls.some(call => call.method === 'setAudioSource')");
        assertThat(callArguments(ada, "setAudioSource")).containsExactly(microphone);
        assertThat(callNames(ada)).doesNotContain("unpublish");
    }

    @Test
    void neitherCameraNorMicrophone_joinsWithoutPublishing_andStillReceivesTheOthers() {
        Page ada = participant("ot-devices-none");
        button(ada, "Check camera and microphone").click();
        field(ada, "Camera").selectOption(new SelectOption().setLabel("No camera"));
        field(ada, "Microphone").selectOption(new SelectOption().setLabel("No microphone"));
        assertThat(ada.locator(".device-note")).hasText("You can still join to see and hear the others.");
        join(ada, "Ada", "ot-devices-key-02");

        assertThat(callNames(ada)).doesNotContain("initPublisher", "publish");
        // a missing device's toggle stays usable: pressing it asks the browser again
        assertThat(button(ada, "No camera")).isEnabled();
        assertThat(button(ada, "No microphone")).isEnabled();
        assertThat(button(ada, "No microphone"))
                .hasAttribute("title", "This call has no microphone: press to ask for it again");
        addRemote(ada, "grace-stream", "Grace");
        assertThat(ada.locator(".tile.remote[data-participant-id=grace-stream]"))
                .isVisible();
        assertThat(callNames(ada)).contains("subscribe");
    }

    @Test
    void microphoneOnly_publishesWithoutVideoSource() {
        Page ada = participant("ot-devices-audio");
        button(ada, "Check camera and microphone").click();
        field(ada, "Camera").selectOption(new SelectOption().setLabel("No camera"));
        join(ada, "Ada", "ot-devices-key-03");

        Map<String, Object> properties = publisherProperties(ada).getFirst();
        assertThat(properties).containsEntry("videoSource", null).doesNotContainKey("audioSource");
        assertThat((Number) ada.evaluate("otDouble.publisherTracks().filter(track => track.kind === 'video').length"))
                .isEqualTo(0);
        assertThat(button(ada, "No camera")).isEnabled();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> publisherProperties(Page page) {
        return (List<Map<String, Object>>) page.evaluate(
                "otDouble.calls.filter(call => call.method === 'initPublisher').map(call => call.args[1])");
    }

    private static Locator field(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }
}
