package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.e2eecall.it.DeviceListsPage.options;
import static dev.e2eecall.it.OtDouble.addRemote;
import static dev.e2eecall.it.OtDouble.callArguments;
import static dev.e2eecall.it.OtDouble.callNames;
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
        Tab ada = participant("ot-devices-switch");
        ada.form().checkDevices().click();
        Locator cameras = ada.form().devices().camera();
        assertThat(options(cameras)).hasCount(4);
        String chosen = options(cameras).nth(2).getAttribute("value");
        cameras.selectOption(chosen);
        assertThat(cameras).hasValue(chosen);
        ada.join("Ada", "ot-devices-key-01");

        Map<String, Object> properties = publisherProperties(ada.page()).getFirst();
        assertThat(properties).containsEntry("videoSource", chosen).doesNotContainKey("audioSource");

        ada.call().devices().click();
        String first = options(cameras).first().getAttribute("value");
        cameras.selectOption(first);
        ada.page()
                .waitForFunction(
                        "id => otDouble.publisherTracks().some(track => track.kind === 'video'"
                                + " && track.readyState === 'live' && track.getSettings().deviceId === id)",
                        first);
        assertThat(callArguments(ada.page(), "setVideoSource")).containsExactly(first);

        Locator microphones = ada.call().deviceLists().microphone();
        String microphone = options(microphones).last().getAttribute("value");
        microphones.selectOption(microphone);
        ada.page().waitForFunction("() => otDouble.calls.some(call => call.method === 'setAudioSource')");
        assertThat(callArguments(ada.page(), "setAudioSource")).containsExactly(microphone);
        assertThat(callNames(ada.page())).doesNotContain("unpublish");
    }

    @Test
    void neitherCameraNorMicrophone_joinsWithoutPublishing_andStillReceivesTheOthers() {
        Tab ada = participant("ot-devices-none");
        ada.form().checkDevices().click();
        ada.form().devices().camera().selectOption(new SelectOption().setLabel("No camera"));
        ada.form().devices().microphone().selectOption(new SelectOption().setLabel("No microphone"));
        assertThat(ada.form().deviceNote()).hasText("You can still join to see and hear the others.");
        ada.join("Ada", "ot-devices-key-02");

        assertThat(callNames(ada.page())).doesNotContain("initPublisher", "publish");
        // a missing device's toggle stays usable: pressing it asks the browser again
        assertThat(ada.call().noCamera()).isEnabled();
        assertThat(ada.call().noMicrophone()).isEnabled();
        assertThat(ada.call().noMicrophone())
                .hasAttribute("title", "This call has no microphone: press to ask for it again");
        addRemote(ada.page(), "grace-stream", "Grace");
        assertThat(ada.call().remoteTileOf("grace-stream").tile()).isVisible();
        assertThat(callNames(ada.page())).contains("subscribe");
    }

    @Test
    void microphoneOnly_publishesWithoutVideoSource() {
        Tab ada = participant("ot-devices-audio");
        ada.form().checkDevices().click();
        ada.form().devices().camera().selectOption(new SelectOption().setLabel("No camera"));
        ada.join("Ada", "ot-devices-key-03");

        Map<String, Object> properties = publisherProperties(ada.page()).getFirst();
        assertThat(properties).containsEntry("videoSource", null).doesNotContainKey("audioSource");
        assertThat((Number) ada.page()
                        .evaluate("otDouble.publisherTracks().filter(track => track.kind === 'video').length"))
                .isEqualTo(0);
        assertThat(ada.call().noCamera()).isEnabled();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> publisherProperties(Page page) {
        return (List<Map<String, Object>>) page.evaluate(
                "otDouble.calls.filter(call => call.method === 'initPublisher').map(call => call.args[1])");
    }
}
