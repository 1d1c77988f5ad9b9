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


    @Test
    void generateKey_fillsAStrongReadableKey_differentEachTime() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/generated");

            ada.button("Generate key").click();
            // the click goes to the server and back: wait for the field to change
            assertThat(ada.field("Encryption key")).hasValue(GENERATED_KEY);
            String first = ada.field("Encryption key").inputValue();
            ada.button("Generate key").click();
            assertThat(ada.field("Encryption key")).not().hasValue(first);
            String second = ada.field("Encryption key").inputValue();

            assertThat(second).matches(GENERATED_KEY);
            assertThat(ada.traffic().sentContaining(first)).isZero();
            assertThat(ada.traffic().sentContaining(second)).isZero();
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
            String key = "invite-key-Ω-123";
            page.getByLabel("Encryption key", new Page.GetByLabelOptions().setExact(true)).fill(key);
            page.getByText("Copy invite link").click();
            assertThat(page.getByText("Invite link copied.")).isVisible();
            String link = (String) page.evaluate("navigator.clipboard.readText()");
            assertThat(link).isEqualTo(app.url("/room/invited").toString() + "#key=invite-key-%CE%A9-123");

            try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
                Tab guest = call.open(link.substring(link.indexOf("/room/")));

                assertThat(guest.page().getByText("Encryption key filled in from the invite link.")).isVisible();
                assertThat(guest.field("Encryption key")).hasValue(key);
                assertThat(guest.page().url()).isEqualTo(app.url("/room/invited").toString());
                assertThat((String) guest.page().evaluate("location.hash")).isEmpty();
                assertThat(guest.traffic().sentContaining("invite-key")).isZero();
                assertThat(guest.traffic().sentContaining("%CE%A9-123")).isZero();
            }
            assertThat(inviterTraffic.sentContaining("invite-key")).isZero();
        } finally {
            inviter.close();
        }
    }

    @Test
    void safetyCode_isTheSameForTheSameKey_differsForAnother_andIsNeverSent() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/safety");
            Tab grace = call.open("/room/safety");
            ada.join("Ada", "safety-key-12345");
            grace.join("Grace", "safety-key-12345");

            String adaCode = safetyCode(ada);
            String graceCode = safetyCode(grace);
            assertThat(graceCode).isEqualTo(adaCode);

            grace.changeKey("safety-key-12346");
            assertThat(grace.page().locator(".tile.own .safety-code")).not().hasText("Safety code " + adaCode);
            String changedCode = safetyCode(grace);
            assertThat(changedCode).isNotEqualTo(adaCode);

            for (Tab tab : List.of(ada, grace)) {
                for (String code : List.of(adaCode, changedCode)) {
                    assertThat(tab.traffic().sentContaining(code)).isZero();
                    assertThat(tab.traffic().sentContaining(code.replace(" ", ""))).isZero();
                }
            }
        }
    }

    private static String safetyCode(Tab tab) {
        var code = tab.page().locator(".tile.own .safety-code");
        assertThat(code).hasText(SAFETY_CODE);
        var matcher = SAFETY_CODE.matcher(code.textContent());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
