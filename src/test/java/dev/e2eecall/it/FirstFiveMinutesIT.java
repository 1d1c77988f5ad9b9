package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import dev.e2eecall.it.LocalCall.Tab;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a newcomer meets in the first minutes, in local mode: the form with the keyboard alone, four
 * tabs of one machine in one room, a blocked camera, Leave and Rejoin, the key change and the status
 * line, and the form's first look.
 */
class FirstFiveMinutesIT extends LocalModeBrowserTest {

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

    private static final Pattern CONNECTED = Pattern.compile("^Connected");

    @Test
    void enterOnTheFormsButtons_doesEachButtonsOwnAction_andOnlyNameKeyAndEnterJoin() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/keyboard-buttons");
            Page page = ada.page();
            ada.field("Name").focus();
            page.keyboard().type("Ada");

            ada.button("Generate key").focus();
            page.keyboard().press("Enter");
            page.waitForFunction("() => document.querySelector('e2ee-key-field:not(.call-panel *)').value.length >= 8");
            String generated =
                    (String) page.evaluate("document.querySelector('e2ee-key-field:not(.call-panel *)').value");

            // a key is in the field now: an Enter that submitted the form would start the call
            ada.button("Copy invite link").focus();
            page.keyboard().press("Enter");
            assertThat(page.locator(".invite-note")).not().isEmpty();

            formKey(page).locator("vaadin-password-field-button").focus();
            page.keyboard().press("Enter");
            assertThat(formKey(page).locator("input")).hasAttribute("type", "text");

            ada.button("Check camera and microphone").focus();
            page.keyboard().press("Enter");
            assertThat(ada.button("Hide the camera and microphone check")).hasAttribute("aria-expanded", "true");
            page.keyboard().press("Enter");
            assertThat(ada.button("Check camera and microphone")).hasAttribute("aria-expanded", "false");

            assertThat(page.locator(".call-panel")).isHidden();
            assertThat(page.locator(".form-error")).isEmpty();
            assertThat(formKey(page).locator("vaadin-password-field")).not().hasAttribute("invalid", "");
            assertThat((String) page.evaluate("document.querySelector('e2ee-key-field:not(.call-panel *)').value"))
                    .isEqualTo(generated);

            ada.field("Encryption key").focus();
            page.keyboard().press("Enter");
            assertThat(page.locator(".call-status")).hasText(CONNECTED);
        }
    }

    @Test
    void fourTabsOfOneMachine_allGetIn_andAFifthIsToldWhichLimitAndHowManyAreIn() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            List<String> names = List.of("Ada", "Grace", "Linus", "Barbara");
            for (String name : names) {
                call.open("/room/one-address").join(name, "one-address-key");
            }
            Tab fifth = call.open("/room/one-address");
            fifth.field("Name").fill("Ken");
            fifth.field("Encryption key").fill("one-address-key");
            fifth.button("Enter").click();
            assertThat(fifth.page().locator(".form-error"))
                    .hasText("This room is full in local mode: 4 people are in it, the most a local call holds.");
        }
    }

    @Test
    void cameraBlockedMicrophoneAllowed_enterJoinsWithTheMicrophone_saysWhatIsMissing_andTheToggleAsksAgain() {
        try (Chromium blocking = Chromium.denyingPrompts()) {
            BrowserContext context = blocking.browser().newContext();
            context.grantPermissions(
                    List.of("microphone"),
                    new BrowserContext.GrantPermissionsOptions()
                            .setOrigin(app.url("/").toString().replaceAll("/$", "")));
            Page page = context.newPage();
            page.addInitScript(COUNT_MEDIA_REQUESTS);
            page.navigate(app.url("/room/camera-blocked").toString());
            Tab ada = new Tab(page, Traffic.capture(page), List.of());
            ada.join("Ada", "camera-blocked-key");

            Locator notice = page.locator(".device-notice");
            assertThat(notice).hasText(Pattern.compile("^The browser did not allow the camera"));
            assertThat(notice).not().containsText("microphone");
            assertThat(ada.button("Microphone on")).isEnabled();
            Locator camera = ada.button("No camera");
            assertThat(camera).isEnabled();
            int asked = mediaRequests(page);

            camera.click();
            page.waitForFunction("n => window.mediaRequests > n", asked);
            assertThat(notice).hasText(Pattern.compile("^The browser did not allow the camera"));
            assertThat(page.locator(".call-status")).hasText(CONNECTED);
            context.close();
        }
    }

    @Test
    void leave_saysYouLeft_rejoinDecodesAgain_andAReloadKeepsTheNameButNeverTheKey() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/leave-rejoin");
            Tab grace = call.open("/room/leave-rejoin");
            ada.join("Ada", "leave-rejoin-key");
            grace.join("Grace", "leave-rejoin-key");
            grace.awaitRemoteVideoPlaying("Ada");

            ada.button("Leave").click();
            Page page = ada.page();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("You left the call")))
                    .isVisible();
            assertThat(grace.remoteTile("Ada")).hasCount(0);
            AccessibilityIT.assertNoSeriousViolation(page, "left screen");

            ada.button("Rejoin").click();
            assertThat(page.locator(".call-status")).hasText(CONNECTED);
            grace.awaitRemoteVideoPlaying("Ada");
            ada.awaitRemoteVideoPlaying("Grace");

            ada.button("Leave").click();
            ada.button("Back to the form").click();
            assertThat(ada.field("Name")).hasValue("Ada");
            assertThat(ada.field("Encryption key")).hasValue("");

            page.reload();
            assertThat(ada.field("Name")).hasValue("Ada");
            assertThat(ada.field("Encryption key")).hasValue("");
            assertThat(formKey(page)).containsText("not kept");
        }
    }

    @Test
    void keyChange_closesItsPanel_neverMovesTheGrid_andOneStatusLineSaysTheState() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/status-line");
            Tab grace = call.open("/room/status-line");
            ada.join("Ada", "status-line-key");
            grace.join("Grace", "status-line-key");
            ada.awaitRemoteVideoPlaying("Grace");

            Locator grid = ada.page().locator("e2ee-video-call");
            BoundingBox before = grid.boundingBox();
            ada.button("Change key").click();
            assertThat(ada.field("New encryption key")).isVisible();
            BoundingBox open = grid.boundingBox();
            assertThat(List.of(open.x, open.y, open.width, open.height))
                    .as("the grid with the key change open")
                    .isEqualTo(List.of(before.x, before.y, before.width, before.height));

            ada.button("Generate key").click();
            ada.page()
                    .waitForFunction("() => [...document.querySelectorAll('e2ee-key-field')]"
                            + ".some(field => field.closest('.key-change') && field.value.length >= 8)");
            ada.button("Change").click();
            assertThat(ada.field("New encryption key")).isHidden();
            Locator changed = ada.page().getByText("Encryption key changed");
            assertThat(changed).isVisible();
            // a notice, not a state: it fades
            assertThat(changed).isHidden();

            String differs = "Your key differs from everyone else's: you cannot see or hear anyone.";
            assertThat(grace.page().locator(".call-status-line")).hasText(differs);
            assertThat(ada.page().locator(".call-status-line")).hasText(differs);
            AccessibilityIT.assertNoSeriousViolation(grace.page(), "key differs from everyone's");
        }
    }

    @Test
    void form_hasAnIcon_focusesName_namesEveryProblem_andSpeaksToThePersonNotTheDeveloper() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/first-look");
            Page page = ada.page();
            assertThat(ada.field("Name")).isFocused();

            String icon = (String) page.evaluate("document.querySelector('link[rel~=icon]')?.href ?? ''");
            assertThat(icon).as("the page's icon").isNotEmpty();
            APIResponse served = page.request().get(icon);
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.headers().get("content-type")).startsWith("image/");

            ada.button("Enter").click();
            assertThat(page.locator("vaadin-text-field [slot='error-message']"))
                    .not()
                    .isEmpty();
            assertThat(formKey(page).locator("[slot='error-message']"))
                    .hasText(Pattern.compile("^The encryption key must be 8 to 256 characters"));

            assertThat(page.locator(".backend-note")).hasText("Peer-to-peer call: up to 4 people");
            assertThat(page.locator("body")).not().containsText("API_KEY");
            assertThat(app.output()).contains("set API_KEY and API_SECRET");
        }
    }

    /** The form's key field; the call's new key field is on the page too, hidden. */
    private static Locator formKey(Page page) {
        return page.locator("e2ee-key-field").first();
    }

    private static int mediaRequests(Page page) {
        return ((Number) page.evaluate("window.mediaRequests")).intValue();
    }
}
