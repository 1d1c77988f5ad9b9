package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keys people may type or paste, checked in the browser (the only place a key exists), in OpenTok
 * mode with the test double of OpenTok.js: every character typed or pasted stays in the field; a
 * refused key gets the message under the field, and neither the server (no session is created)
 * nor OpenTok.js (not even loaded) hears of it; an accepted key reaches OpenTok.js exactly as typed.
 */
class KeyInputIT extends OpenTokModeBrowserTest {

    private static final String REFUSED = "The encryption key must be 8 to 256 characters, not only spaces";
    private static final String WEAK_HINT = "Weak key: one character repeated. Generate key makes a strong one.";
    private static final Pattern GENERATED_KEY = Pattern.compile("([a-km-np-z2-9]{4}-){6}[a-km-np-z2-9]{4}");
    /** A name to find in what the page sent, which shows that the capture sees the page's requests. */
    private static final String NAME = "Ada Lovelace-Ω";

    /** How a key gets into the field. */
    enum Entry {
        /** Playwright's {@code fill}, as an input method or autofill does. */
        FILLED,
        /** Keystroke by keystroke. */
        TYPED,
        /** Written to the clipboard and pasted with Ctrl+V. */
        PASTED
    }

    private final List<BrowserContext> contexts = new ArrayList<>();
    private int rooms;

    @AfterEach
    void closeBrowsers() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of("7 characters", "abcdefg", Entry.FILLED, false),
                Arguments.of("257 characters, filled", "k".repeat(257), Entry.FILLED, false),
                Arguments.of("257 characters, typed", "t".repeat(257), Entry.TYPED, false),
                Arguments.of("257 characters, pasted", "p".repeat(257), Entry.PASTED, false),
                Arguments.of("1,000 characters, filled", "f".repeat(1000), Entry.FILLED, false),
                Arguments.of("1,000 characters, pasted", "q".repeat(1000), Entry.PASTED, false),
                Arguments.of("only spaces", " ".repeat(12), Entry.FILLED, false),
                Arguments.of("empty", "", Entry.FILLED, false),
                Arguments.of("8 characters", "abcdefgh", Entry.FILLED, true),
                Arguments.of("256 characters, filled", "m".repeat(256), Entry.FILLED, true),
                Arguments.of("256 characters, pasted", "n".repeat(255) + "!", Entry.PASTED, true),
                Arguments.of("spaces around, kept", "  spaced key  ", Entry.FILLED, true),
                Arguments.of("non-Latin text", "ключ-шифрования-李娜", Entry.FILLED, true),
                Arguments.of("emoji", "🔑🔒🗝️🔐🔏", Entry.PASTED, true),
                Arguments.of("markup", "<script>alert(1)</script>", Entry.FILLED, true));
    }

    @ParameterizedTest(name = "key {0}: accepted={3}")
    @MethodSource("keys")
    void key_isCheckedInTheBrowser(String label, String key, Entry entry, boolean accepted) {
        Page page = participant();
        Traffic traffic = Traffic.capture(page);
        nameField(page).fill(NAME);
        enter(page, "Encryption key", key, entry);
        // every character stays in the field: nothing cuts a key short
        assertThat(keyInput(page, "Encryption key").inputValue()).isEqualTo(key);
        int sessionsBefore = standIn.createRequests().size();

        button(page, "Enter").click();

        if (accepted) {
            assertThat(page.getByText("Connected.")).isVisible();
            assertThat(initSessionSecret(page)).isEqualTo(key);
        } else {
            assertThat(errorUnder(page, "Encryption key")).hasText(REFUSED);
            assertThat(errorUnder(page, "Encryption key")).isVisible();
            assertThat(button(page, "Enter")).isEnabled();
            assertThat(standIn.createRequests()).hasSize(sessionsBefore);
            assertThat(openTokCalls(page)).isEmpty();
            assertThat(traffic.sentContaining("/VAADIN/build/opentok-"))
                    .as("OpenTok.js loaded")
                    .isZero();
            assertThat(keyInput(page, "Encryption key").inputValue()).isEqualTo(key);
        }
        assertThat(traffic.sentFormsOf(NAME))
                .as("the typed name in what the page sent")
                .isNotEmpty();
        if (!key.isBlank()) {
            assertNeverSent(traffic, key);
        }
    }

    static Stream<Arguments> newKeys() {
        return Stream.of(
                Arguments.of("257 characters, filled", "k".repeat(257), Entry.FILLED, false),
                Arguments.of("257 characters, pasted", "p".repeat(257), Entry.PASTED, false),
                Arguments.of("1,000 characters, filled", "f".repeat(1000), Entry.FILLED, false),
                Arguments.of("1,000 characters, pasted", "q".repeat(1000), Entry.PASTED, false),
                Arguments.of("7 characters", "abcdefg", Entry.FILLED, false),
                Arguments.of("256 characters, filled", "m".repeat(256), Entry.FILLED, true),
                Arguments.of("256 characters, pasted", "n".repeat(255) + "!", Entry.PASTED, true));
    }

    @ParameterizedTest(name = "new key {0}: accepted={3}")
    @MethodSource("newKeys")
    void newKeyDuringACall_isCheckedInTheBrowser(String label, String key, Entry entry, boolean accepted) {
        Page page = participant();
        Traffic traffic = Traffic.capture(page);
        join(page, "first-key-0001");
        button(page, "Change key").click();

        enter(page, "New encryption key", key, entry);
        assertThat(keyInput(page, "New encryption key").inputValue()).isEqualTo(key);
        button(page, "Change").click();

        if (accepted) {
            assertThat(page.getByText("Encryption key changed")).isVisible();
            assertThat(callArguments(page, "setEncryptionSecret")).containsExactly(key);
            assertThat(keyInput(page, "New encryption key")).hasValue("");
        } else {
            assertThat(errorUnder(page, "New encryption key")).hasText(REFUSED);
            assertThat(errorUnder(page, "New encryption key")).isVisible();
            assertThat(callArguments(page, "setEncryptionSecret")).isEmpty();
            assertThat(keyInput(page, "New encryption key").inputValue()).isEqualTo(key);
            assertThat(page.getByText("Connected.")).isVisible();
        }
        assertThat(traffic.sentFormsOf(NAME))
                .as("the typed name in what the page sent")
                .isNotEmpty();
        assertNeverSent(traffic, key);
    }

    @Test
    void weakKey_getsAHintSuggestingGenerateKey_stillJoins_andTheHintIsNeverSent() {
        Page page = participant();
        Traffic traffic = Traffic.capture(page);
        Locator hint = keyField(page, "Encryption key").locator(".key-strength");

        keyInput(page, "Encryption key").fill("aaaaaaaa");
        assertThat(hint).hasText(WEAK_HINT);
        assertThat(hint).isVisible();

        button(page, "Generate key").click();
        assertThat(keyInput(page, "Encryption key")).hasValue(GENERATED_KEY);
        assertThat(hint).isHidden();
        String generated = keyInput(page, "Encryption key").inputValue();

        keyInput(page, "Encryption key").fill("aaaaaaaa");
        assertThat(hint).hasText(WEAK_HINT);
        join(page, null);
        assertThat(initSessionSecret(page)).isEqualTo("aaaaaaaa");

        assertThat(traffic.sentFormsOf(NAME))
                .as("the typed name in what the page sent")
                .isNotEmpty();
        assertNeverSent(traffic, "aaaaaaaa", generated, WEAK_HINT, "Weak key");
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

    @Test
    void keyField_hasVaadinsLumoLook_likeTheNameField() {
        Page page = participant();
        // Name has the focus on arrival, and a focused label is coloured (with a transition): compare both at rest
        page.evaluate("document.activeElement?.blur()");
        page.waitForFunction("() => !document.querySelector('[focused]') && document.getAnimations().length === 0");

        @SuppressWarnings("unchecked")
        Map<String, Object> look = (Map<String, Object>) page.evaluate("""
                () => {
                  const name = [...document.querySelectorAll('vaadin-text-field')].find(f => f.label === 'Name');
                  const key = document.querySelector('e2ee-key-field > vaadin-password-field');
                  const style = (field, part, pseudo) => getComputedStyle(field.shadowRoot.querySelector(`[part~=${part}]`), pseudo);
                  const look = field => [style(field, 'input-field').backgroundColor, style(field, 'input-field').height,
                      style(field, 'label').fontSize, style(field, 'label').color, getComputedStyle(field).paddingTop].join(' ');
                  return { name: look(name), key: look(key), eye: style(key, 'reveal-button', '::before').content };
                }""");

        assertThat(look.get("key")).isEqualTo(look.get("name"));
        // the eye icon comes from Lumo's password field styles, which reach the field by its tag name
        assertThat((String) look.get("eye")).isNotIn("none", "normal", "");
    }

    /** A participant's tab in a room of its own, allowed to use the clipboard, with the OpenTok.js double. */
    private Page participant() {
        Browser browser = chromium.browser();
        BrowserContext context = browser.newContext();
        contexts.add(context);
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        Page page = context.newPage();
        OtDouble.replaceOpenTokIn(page);
        rooms++;
        page.navigate(app.url("/room/keys-" + rooms).toString());
        assertThat(nameField(page)).isVisible();
        return page;
    }

    /** Joins with the key, or with the one already in the field when {@code key} is null. */
    private static void join(Page page, String key) {
        nameField(page).fill(NAME);
        if (key != null) {
            keyInput(page, "Encryption key").fill(key);
        }
        button(page, "Enter").click();
        assertThat(page.getByText("Connected.")).isVisible();
    }

    private static void enter(Page page, String field, String key, Entry entry) {
        Locator input = keyInput(page, field);
        switch (entry) {
            case FILLED -> input.fill(key);
            case TYPED -> input.pressSequentially(key);
            case PASTED -> {
                page.evaluate("key => navigator.clipboard.writeText(key)", key);
                input.fill("");
                input.focus();
                page.keyboard().press("Control+V");
            }
        }
    }

    private static String initSessionSecret(Page page) {
        return (String)
                page.evaluate("otDouble.calls.find(call => call.method === 'initSession').args[2].encryptionSecret");
    }

    /** What the page asked of OpenTok.js; none when it was never loaded. */
    @SuppressWarnings("unchecked")
    private static List<String> openTokCalls(Page page) {
        return (List<String>)
                page.evaluate("typeof otDouble === 'undefined' ? [] : otDouble.calls.map(call => call.method)");
    }

    @SuppressWarnings("unchecked")
    private static List<String> callArguments(Page page, String method) {
        return (List<String>) page.evaluate(
                "method => otDouble.calls.filter(call => call.method === method)"
                        + ".map(call => String(call.args[0]))",
                method);
    }

    private static Locator keyField(Page page, String label) {
        return page.locator("e2ee-key-field", new Page.LocatorOptions().setHas(keyInput(page, label)));
    }

    private static Locator errorUnder(Page page, String label) {
        return keyField(page, label).locator("[slot=error-message]");
    }

    private static Locator keyInput(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private static Locator nameField(Page page) {
        return page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
