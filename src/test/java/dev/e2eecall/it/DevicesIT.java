package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.e2eecall.it.DeviceListsPage.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Cameras and microphones in real local calls, with Chromium's fake devices (two cameras): the check
 * on the form, joining with what works, switching in the call.
 */
class DevicesIT extends LocalModeBrowserTest {

    /** Counts the page's requests for camera or microphone, from before the page's own scripts run. */
    private static final String COUNT_MEDIA_REQUESTS = """
            (() => {
              window.mediaRequests = 0;
              const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
              navigator.mediaDevices.getUserMedia = constraints => {
                window.mediaRequests++;
                return getUserMedia(constraints);
              };
            })();""";

    /** Page script, given a selector: the device id of the camera track the video element there shows. */
    private static final String CAMERA_SHOWN = """
            selector => document.querySelector(selector)?.srcObject?.getVideoTracks()[0]?.getSettings().deviceId ?? null""";

    /** The check's preview, and one's own tile in the call, for the page scripts above. */
    private static final String PREVIEW = JoinFormPage.DEVICE_PREVIEW + " video";

    private static final String OWN_VIDEO = CallPage.OWN_TILE + " video";

    @Test
    void check_isOnlyOnRequest_showsPreviewLevelAndLists_andTheChosenCameraIsTheOneSent() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/devices-check", COUNT_MEDIA_REQUESTS);
            JoinFormPage form = ada.form();
            form.name().fill("Ada");
            assertThat(form.deviceCheck()).isEmpty();
            assertThat(mediaRequests(ada))
                    .as("no camera or microphone before the check")
                    .isZero();

            form.checkDevices().click();
            assertThat(form.hideDeviceCheck()).hasAttribute("aria-expanded", "true");
            Locator cameras = form.devices().camera();
            assertThat(options(cameras)).hasCount(4);
            assertThat(options(cameras).last()).hasText("No camera");
            assertThat(form.deviceNote()).hasText("Camera and microphone work; they are used when you enter.");
            assertThat(form.devicePreviewVideo()).isVisible();
            ada.page().waitForFunction("() => document.querySelector('" + PREVIEW + "')?.videoWidth > 0");
            // Chromium's fake microphone beeps: the meter moves
            ada.page()
                    .waitForFunction(
                            "() => Number(document.querySelector('[role=meter]').getAttribute('aria-valuenow')) > 0");

            String third = options(cameras).nth(2).getAttribute("value");
            cameras.selectOption(third);
            awaitCamera(ada, PREVIEW, third);

            form.key().fill("devices-check-key");
            form.enter().click();
            ada.awaitConnected();
            assertThat(form.devicePreview()).hasCount(0);
            assertThat(cameraShown(ada, OWN_VIDEO))
                    .as("the camera chosen in the check")
                    .isEqualTo(third);

            Tab grace = call.open("/room/devices-check");
            grace.join("Grace", "devices-check-key");
            grace.awaitRemoteVideoPlaying("Ada");
        }
    }

    @Test
    void noCameraChosen_joinsWithTheMicrophoneAlone_seesTheOthers_andShowsCameraOffToThem() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab grace = call.open("/room/devices-none");
            grace.join("Grace", "devices-none-key");

            // Ada comes second, so her browser makes the offer: one without a camera of its own
            Tab ada = call.open("/room/devices-none");
            ada.form().checkDevices().click();
            ada.form().devices().camera().selectOption(new SelectOption().setLabel("No camera"));
            assertThat(ada.form().deviceNote()).hasText("The microphone works; you enter with it alone.");
            ada.join("Ada", "devices-none-key");

            assertThat(ada.call().noCamera()).isEnabled();
            assertThat(ada.call().ownTile().video()).hasCount(0);
            assertThat(ada.call().ownTile().mediaState()).hasText("Camera off");
            ada.awaitRemoteVideoPlaying("Grace");
            assertThat(grace.remoteTile("Ada").mediaState()).hasText("Camera off");
            // her sound arrives: Grace receives an audio track from her
            grace.awaitRemoteSound("Ada");
        }
    }

    @Test
    void cameraDenied_isSaid_andThePersonJoinsWithTheMicrophone() {
        try (Chromium blocking = Chromium.denyingPrompts()) {
            BrowserContext context = blocking.browser().newContext();
            context.grantPermissions(
                    List.of("microphone"),
                    new BrowserContext.GrantPermissionsOptions()
                            .setOrigin(app.url("/").toString().replaceAll("/$", "")));
            Page page = context.newPage();
            page.navigate(app.url("/room/devices-denied").toString());
            Tab ada = Tab.of(page);

            ada.form().checkDevices().click();
            assertThat(ada.form().deviceNote())
                    .hasText(Pattern.compile(
                            "^The browser is not allowed to use the camera: allow it in the site settings"));
            assertThat(ada.form().devicePreview()).hasText("No camera");
            ada.join("Ada", "devices-denied-key");

            assertThat(ada.call().noCamera()).isEnabled();
            assertThat(ada.call().microphoneOn()).isEnabled();
            context.close();
        }
    }

    @Test
    void switchingCameraAndMicrophoneInTheCall_keepsTheOtherSideDecoding() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            List<Tab> tabs = call.inCall("devices-switch", "devices-switch-key", "Ada", "Grace");
            Tab ada = tabs.get(0);
            Tab grace = tabs.get(1);
            CallPage screen = ada.call();

            screen.devices().click();
            assertThat(screen.devices()).hasAttribute("aria-expanded", "true");
            Locator cameras = screen.deviceLists().camera();
            assertThat(options(cameras)).hasCount(3);
            // the first camera is in use; the third is an ordinary camera too (see Chromium)
            String other = options(cameras).nth(2).getAttribute("value");
            assertThat(cameraShown(ada, OWN_VIDEO)).isNotEqualTo(other);
            cameras.selectOption(other);
            awaitCamera(ada, OWN_VIDEO, other);
            assertThat(cameras).hasValue(other);

            Locator microphones = screen.deviceLists().microphone();
            String microphone = options(microphones).evaluateAll("""
                    (options, selector) => {
                      const now = document.querySelector(selector).srcObject.getAudioTracks()[0].getSettings().deviceId;
                      return options.map(option => option.value).find(id => id !== now && id !== 'default' && id !== 'communications');
                    }""", OWN_VIDEO).toString();
            microphones.selectOption(microphone);
            ada.page()
                    .waitForFunction(
                            "([selector, id]) => document.querySelector(selector).srcObject.getAudioTracks()[0]"
                                    + ".getSettings().deviceId === id",
                            List.of(OWN_VIDEO, microphone));

            // frames from the new camera keep arriving and decoding on the other side, with no renegotiation
            grace.remoteTile("Ada").video().evaluate("video => delete video.dataset.framesSeen");
            grace.awaitRemoteVideoPlaying("Ada");
            // no error about the switch
            assertThat(screen.notifications()).hasCount(0);

            screen.devices().click();
            assertThat(screen.devicePanel()).hasCount(0);
        }
    }

    private static int mediaRequests(Tab tab) {
        return ((Number) tab.page().evaluate("window.mediaRequests")).intValue();
    }

    private static String cameraShown(Tab tab, String selector) {
        return (String) tab.page().evaluate(CAMERA_SHOWN, selector);
    }

    private static void awaitCamera(Tab tab, String selector, String deviceId) {
        tab.page()
                .waitForFunction(
                        "([selector, id]) => (" + CAMERA_SHOWN + ")(selector) === id", List.of(selector, deviceId));
    }
}
