package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.e2eecall.KeyForms;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Key generator, invite link with the key in the fragment, and the safety code, in local mode. */
class InviteAndSafetyCodeIT extends LocalModeBrowserTest {

    private static final Pattern GENERATED_KEY = Pattern.compile("([a-km-np-z2-9]{4}-){6}[a-km-np-z2-9]{4}");
    private static final Pattern SAFETY_CODE = Pattern.compile("Safety code (\\d{4} \\d{4} \\d{4})");
    private static final String ADA = "Ada Lovelace-Ω";
    private static final String GRACE = "Grace Hopper-李";

    @Test
    void generateKey_fillsAStrongReadableKey_differentEachTime() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/generated");
            JoinFormPage form = ada.form();
            form.name().fill(ADA);

            form.generateKey().click();
            // the click goes to the server and back: wait for the field to change
            assertThat(form.key()).hasValue(GENERATED_KEY);
            String first = form.key().inputValue();
            form.generateKey().click();
            assertThat(form.key()).not().hasValue(first);
            String second = form.key().inputValue();

            assertThat(second).matches(GENERATED_KEY);
            // the name went to the server with the clicks: the capture sees what the page sends
            assertThat(ada.traffic().sentFormsOf(ADA))
                    .as("the typed name in what the page sent")
                    .isNotEmpty();
            assertNeverSent(ada.traffic(), first, second);
        }
    }

    @Test
    void inviteLink_carriesTheKeyInTheFragmentOnly_fillsTheFieldAndLeavesTheAddressBar() {
        BrowserContext inviter = chromium.browser().newContext();
        try {
            inviter.grantPermissions(List.of("clipboard-read", "clipboard-write"));
            Page page = inviter.newPage();
            Tab ada = Tab.of(page);
            page.navigate(app.url("/room/invited").toString());
            String key = "invite-key-Ω-123-🔑";
            ada.form().name().fill(ADA);
            ada.form().key().fill(key);
            ada.form().copyInviteLink().click();
            assertThat(ada.form().inviteNote()).containsText("Invite link copied.");
            String link = (String) page.evaluate("navigator.clipboard.readText()");
            assertThat(link).isEqualTo(app.url("/room/invited").toString() + "#key=invite-key-%CE%A9-123-%F0%9F%94%91");

            try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
                Tab guest = call.open(link.substring(link.indexOf("/room/")));

                assertThat(guest.form().inviteNote()).hasText("Encryption key filled in from the invite link.");
                assertThat(guest.form().key()).hasValue(key);
                assertThat(guest.page().url())
                        .isEqualTo(app.url("/room/invited").toString());
                assertThat((String) guest.page().evaluate("location.hash")).isEmpty();
                guest.form().name().fill(GRACE);
                guest.form().enter().click();
                guest.awaitConnected();
                assertThat(guest.traffic().sentFormsOf(GRACE))
                        .as("the typed name in what the guest sent")
                        .isNotEmpty();
                assertNeverSent(guest.traffic(), key);
            }
            assertThat(ada.traffic().sentFormsOf(ADA))
                    .as("the typed name in what the inviter sent")
                    .isNotEmpty();
            assertNeverSent(ada.traffic(), key);
        } finally {
            inviter.close();
        }
    }

    @Test
    void safetyCode_isTheSameForTheSameKey_differsForAnother_andIsNeverSent() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            List<Tab> tabs = call.inCall("safety", "safety-key-12345", ADA, GRACE);
            Tab ada = tabs.get(0);
            Tab grace = tabs.get(1);

            String adaCode = safetyCode(ada);
            String graceCode = safetyCode(grace);
            assertThat(graceCode).isEqualTo(adaCode);

            grace.changeKey("safety-key-12346");
            assertThat(grace.call().safetyCode()).not().hasText("Safety code " + adaCode);
            String changedCode = safetyCode(grace);
            assertThat(changedCode).isNotEqualTo(adaCode);

            assertThat(ada.traffic().sentFormsOf(ADA))
                    .as("the typed name in what the page sent")
                    .isNotEmpty();
            assertThat(grace.traffic().sentFormsOf(GRACE))
                    .as("the typed name in what the page sent")
                    .isNotEmpty();
            for (Tab tab : List.of(ada, grace)) {
                assertNeverSent(
                        tab.traffic(),
                        "safety-key-12345",
                        "safety-key-12346",
                        adaCode,
                        adaCode.replace(" ", ""),
                        changedCode,
                        changedCode.replace(" ", ""));
            }
        }
    }

    /** No form of any of the secrets in what the page sent or received, nor in the server's log. */
    private static void assertNeverSent(Traffic traffic, String... secrets) {
        for (String secret : secrets) {
            assertThat(traffic.sentFormsOf(secret))
                    .as("what the page sent, searched for %s", secret)
                    .isEmpty();
            assertThat(traffic.receivedFormsOf(secret))
                    .as("what the page received, searched for %s", secret)
                    .isEmpty();
            assertThat(KeyForms.of(secret).foundIn(app.output()))
                    .as("server log, searched for %s", secret)
                    .isEmpty();
        }
    }

    private static String safetyCode(Tab tab) {
        var code = tab.call().safetyCode();
        assertThat(code).hasText(SAFETY_CODE);
        var matcher = SAFETY_CODE.matcher(code.textContent());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
