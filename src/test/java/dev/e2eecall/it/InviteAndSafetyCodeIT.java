package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.e2eecall.it.LocalCall.Tab;
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
            ada.field("Name").fill(ADA);

            ada.button("Generate key").click();
            // the click goes to the server and back: wait for the field to change
            assertThat(ada.field("Encryption key")).hasValue(GENERATED_KEY);
            String first = ada.field("Encryption key").inputValue();
            ada.button("Generate key").click();
            assertThat(ada.field("Encryption key")).not().hasValue(first);
            String second = ada.field("Encryption key").inputValue();

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
            Traffic inviterTraffic = Traffic.capture(page);
            page.navigate(app.url("/room/invited").toString());
            String key = "invite-key-Ω-123-🔑";
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(ADA);
            page.getByLabel("Encryption key", new Page.GetByLabelOptions().setExact(true))
                    .fill(key);
            page.getByText("Copy invite link").click();
            assertThat(page.getByText("Invite link copied.")).isVisible();
            String link = (String) page.evaluate("navigator.clipboard.readText()");
            assertThat(link).isEqualTo(app.url("/room/invited").toString() + "#key=invite-key-%CE%A9-123-%F0%9F%94%91");

            try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
                Tab guest = call.open(link.substring(link.indexOf("/room/")));

                assertThat(guest.page().getByText("Encryption key filled in from the invite link."))
                        .isVisible();
                assertThat(guest.field("Encryption key")).hasValue(key);
                assertThat(guest.page().url())
                        .isEqualTo(app.url("/room/invited").toString());
                assertThat((String) guest.page().evaluate("location.hash")).isEmpty();
                guest.field("Name").fill(GRACE);
                guest.button("Enter").click();
                assertThat(guest.page().locator(".call-status")).hasText(Pattern.compile("^Connected"));
                assertThat(guest.traffic().sentFormsOf(GRACE))
                        .as("the typed name in what the guest sent")
                        .isNotEmpty();
                assertNeverSent(guest.traffic(), key);
            }
            assertThat(inviterTraffic.sentFormsOf(ADA))
                    .as("the typed name in what the inviter sent")
                    .isNotEmpty();
            assertNeverSent(inviterTraffic, key);
        } finally {
            inviter.close();
        }
    }

    @Test
    void safetyCode_isTheSameForTheSameKey_differsForAnother_andIsNeverSent() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/safety");
            Tab grace = call.open("/room/safety");
            ada.join(ADA, "safety-key-12345");
            grace.join(GRACE, "safety-key-12345");

            String adaCode = safetyCode(ada);
            String graceCode = safetyCode(grace);
            assertThat(graceCode).isEqualTo(adaCode);

            grace.changeKey("safety-key-12346");
            assertThat(grace.page().locator(".safety-code")).not().hasText("Safety code " + adaCode);
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
        var code = tab.page().locator(".safety-code");
        assertThat(code).hasText(SAFETY_CODE);
        var matcher = SAFETY_CODE.matcher(code.textContent());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
