package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
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

    /** A generated key, or any other one the form accepts. */
    private static final Pattern AT_LEAST_EIGHT = Pattern.compile(".{8,}");

    @Test
    void enterOnTheFormsButtons_doesEachButtonsOwnAction_andOnlyNameKeyAndEnterJoin() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/keyboard-buttons");
            Page page = ada.page();
            JoinFormPage form = ada.form();
            form.name().focus();
            page.keyboard().type("Ada");

            form.generateKey().focus();
            page.keyboard().press("Enter");
            assertThat(form.key()).hasValue(AT_LEAST_EIGHT);
            String generated = form.keyField().value();

            // a key is in the field now: an Enter that submitted the form would start the call
            form.copyInviteLink().focus();
            page.keyboard().press("Enter");
            assertThat(form.inviteNote()).not().isEmpty();

            form.keyField().revealButton().focus();
            page.keyboard().press("Enter");
            assertThat(form.key()).hasAttribute("type", "text");

            form.checkDevices().focus();
            page.keyboard().press("Enter");
            assertThat(form.hideDeviceCheck()).hasAttribute("aria-expanded", "true");
            page.keyboard().press("Enter");
            assertThat(form.checkDevices()).hasAttribute("aria-expanded", "false");

            assertThat(ada.call().panel()).isHidden();
            assertThat(form.error()).isEmpty();
            assertThat(form.keyField().passwordField()).not().hasAttribute("invalid", "");
            assertThat(form.keyField().value()).isEqualTo(generated);

            form.key().focus();
            page.keyboard().press("Enter");
            ada.awaitConnected();
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
            fifth.form().submit("Ken", "one-address-key");
            assertThat(fifth.form().error())
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
            Tab ada = Tab.of(page);
            ada.join("Ada", "camera-blocked-key");

            Locator notice = ada.call().deviceNotice();
            assertThat(notice).hasText(Pattern.compile("^The browser did not allow the camera"));
            assertThat(notice).not().containsText("microphone");
            assertThat(ada.call().microphoneOn()).isEnabled();
            Locator camera = ada.call().noCamera();
            assertThat(camera).isEnabled();
            int asked = mediaRequests(page);

            camera.click();
            page.waitForFunction("n => window.mediaRequests > n", asked);
            assertThat(notice).hasText(Pattern.compile("^The browser did not allow the camera"));
            ada.awaitConnected();
            context.close();
        }
    }

    @Test
    void leave_saysYouLeft_rejoinDecodesAgain_andAReloadKeepsTheNameButNeverTheKey() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            List<Tab> tabs = call.inCall("leave-rejoin", "leave-rejoin-key", "Ada", "Grace");
            Tab ada = tabs.get(0);
            Tab grace = tabs.get(1);

            ada.call().leave().click();
            Page page = ada.page();
            assertThat(ada.left().heading()).isVisible();
            assertThat(grace.remoteTile("Ada").tile()).hasCount(0);
            AccessibilityIT.assertNoSeriousViolation(page, "left screen");

            ada.left().rejoin().click();
            ada.awaitConnected();
            grace.awaitRemoteVideoPlaying("Ada");
            ada.awaitRemoteVideoPlaying("Grace");

            ada.call().leave().click();
            ada.left().backToForm().click();
            assertThat(ada.form().name()).hasValue("Ada");
            assertThat(ada.form().key()).hasValue("");

            page.reload();
            assertThat(ada.form().name()).hasValue("Ada");
            assertThat(ada.form().key()).hasValue("");
            assertThat(ada.form().keyField().element()).containsText("not kept");
        }
    }

    @Test
    void keyChange_closesItsPanel_neverMovesTheGrid_andOneStatusLineSaysTheState() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            List<Tab> tabs = call.inCall("status-line", "status-line-key", "Ada", "Grace");
            Tab ada = tabs.get(0);
            Tab grace = tabs.get(1);
            CallPage screen = ada.call();

            Locator grid = screen.element();
            BoundingBox before = grid.boundingBox();
            screen.changeKey().click();
            assertThat(screen.newKey()).isVisible();
            BoundingBox open = grid.boundingBox();
            assertThat(List.of(open.x, open.y, open.width, open.height))
                    .as("the grid with the key change open")
                    .isEqualTo(List.of(before.x, before.y, before.width, before.height));

            screen.generateKey().click();
            assertThat(screen.newKey()).hasValue(AT_LEAST_EIGHT);
            screen.change().click();
            assertThat(screen.newKey()).isHidden();
            Locator changed = screen.keyChangedNotice();
            assertThat(changed).isVisible();
            // a notice, not a state: it fades
            assertThat(changed).isHidden();

            String differs = "Your key differs from everyone else's: you cannot see or hear anyone.";
            assertThat(grace.call().statusLine()).hasText(differs);
            assertThat(screen.statusLine()).hasText(differs);
            AccessibilityIT.assertNoSeriousViolation(grace.page(), "key differs from everyone's");
        }
    }

    @Test
    void form_hasAnIcon_focusesName_namesEveryProblem_andSpeaksToThePersonNotTheDeveloper() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/first-look");
            Page page = ada.page();
            JoinFormPage form = ada.form();
            assertThat(form.name()).isFocused();

            String icon = (String) page.evaluate("document.querySelector('link[rel~=icon]')?.href ?? ''");
            assertThat(icon).as("the page's icon").isNotEmpty();
            APIResponse served = page.request().get(icon);
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.headers().get("content-type")).startsWith("image/");

            form.enter().click();
            assertThat(form.nameError()).not().isEmpty();
            assertThat(form.keyField().error())
                    .hasText(Pattern.compile("^The encryption key must be 8 to 256 characters"));

            assertThat(form.backendNote()).hasText("Peer-to-peer call: up to 4 people");
            assertThat(page.locator("body")).not().containsText("API_KEY");
            assertThat(app.output()).contains("set API_KEY and API_SECRET");
        }
    }

    private static int mediaRequests(Page page) {
        return ((Number) page.evaluate("window.mediaRequests")).intValue();
    }
}
