package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import dev.e2eecall.it.LocalCall.Tab;
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

    @Test
    void check_isOnlyOnRequest_showsPreviewLevelAndLists_andTheChosenCameraIsTheOneSent() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/devices-check", COUNT_MEDIA_REQUESTS);
            ada.field("Name").fill("Ada");
            assertThat(ada.page().locator("e2ee-device-check")).isEmpty();
            assertThat(mediaRequests(ada))
                    .as("no camera or microphone before the check")
                    .isZero();

            ada.button("Check camera and microphone").click();
            assertThat(ada.button("Hide the camera and microphone check")).hasAttribute("aria-expanded", "true");
            Locator cameras = ada.field("Camera");
            assertThat(cameras.locator("option")).hasCount(4);
            assertThat(cameras.locator("option").last()).hasText("No camera");
            assertThat(ada.page().locator(".device-note"))
                    .hasText("Camera and microphone work; they are used when you enter.");
            ada.page().waitForFunction("() => document.querySelector('.device-preview video')?.videoWidth > 0");
            // Chromium's fake microphone beeps: the meter moves
            ada.page()
                    .waitForFunction(
                            "() => Number(document.querySelector('[role=meter]').getAttribute('aria-valuenow')) > 0");

            String third = cameras.locator("option").nth(2).getAttribute("value");
            cameras.selectOption(third);
            awaitCamera(ada, ".device-preview video", third);

            ada.field("Encryption key").fill("devices-check-key");
            ada.button("Enter").click();
            assertThat(ada.page().locator(".call-status")).hasText(Pattern.compile("^Connected"));
            assertThat(ada.page().locator(".device-preview")).hasCount(0);
            assertThat(cameraShown(ada, ".tile.own video"))
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
            ada.button("Check camera and microphone").click();
            ada.field("Camera").selectOption(new SelectOption().setLabel("No camera"));
            assertThat(ada.page().locator(".device-note")).hasText("The microphone works; you enter with it alone.");
            ada.join("Ada", "devices-none-key");

            assertThat(ada.button("No camera")).isEnabled();
            assertThat(ada.page().locator(".tile.own video")).hasCount(0);
            assertThat(ada.page().locator(".tile.own .media-state")).hasText("Camera off");
            ada.awaitRemoteVideoPlaying("Grace");
            assertThat(grace.remoteTile("Ada").locator(".media-state")).hasText("Camera off");
            // her sound arrives: Grace receives an audio track from her
            grace.page().waitForFunction("""
                    () => [...document.querySelectorAll('.tile.remote video')]
                      .some(video => video.srcObject?.getAudioTracks().some(track => track.readyState === 'live'))""");
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
            Tab ada = new Tab(page, Traffic.capture(page), List.of());

            ada.button("Check camera and microphone").click();
            assertThat(page.locator(".device-note"))
                    .hasText(Pattern.compile(
                            "^The browser is not allowed to use the camera: allow it in the site settings"));
            assertThat(page.locator(".device-preview")).hasText("No camera");
            ada.join("Ada", "devices-denied-key");

            assertThat(ada.button("No camera")).isEnabled();
            assertThat(ada.button("Microphone on")).isEnabled();
            context.close();
        }
    }

    @Test
    void switchingCameraAndMicrophoneInTheCall_keepsTheOtherSideDecoding() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/devices-switch");
            Tab grace = call.open("/room/devices-switch");
            ada.join("Ada", "devices-switch-key");
            grace.join("Grace", "devices-switch-key");
            grace.awaitRemoteVideoPlaying("Ada");

            ada.button("Devices").click();
            assertThat(ada.button("Devices")).hasAttribute("aria-expanded", "true");
            Locator cameras = ada.field("Camera");
            assertThat(cameras.locator("option")).hasCount(3);
            // the first camera is in use; the third is an ordinary camera too (see Chromium)
            String other = cameras.locator("option").nth(2).getAttribute("value");
            assertThat(cameraShown(ada, ".tile.own video")).isNotEqualTo(other);
            cameras.selectOption(other);
            awaitCamera(ada, ".tile.own video", other);
            assertThat(cameras).hasValue(other);

            Locator microphones = ada.field("Microphone");
            String microphone = microphones.locator("option").evaluateAll("""
                    (options) => {
                      const now = document.querySelector('.tile.own video').srcObject.getAudioTracks()[0].getSettings().deviceId;
                      return options.map(option => option.value).find(id => id !== now && id !== 'default' && id !== 'communications');
                    }""").toString();
            microphones.selectOption(microphone);
            ada.page()
                    .waitForFunction(
                            "id => document.querySelector('.tile.own video').srcObject.getAudioTracks()[0]"
                                    + ".getSettings().deviceId === id",
                            microphone);

            // frames from the new camera keep arriving and decoding on the other side, with no renegotiation
            grace.page()
                    .evaluate(
                            "() => document.querySelectorAll('.tile.remote video').forEach(v => delete v.dataset.framesSeen)");
            grace.awaitRemoteVideoPlaying("Ada");
            // no error about the switch
            assertThat(ada.page().locator("vaadin-notification-card")).hasCount(0);

            ada.button("Devices").click();
            assertThat(ada.page().locator(".device-panel")).hasCount(0);
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
