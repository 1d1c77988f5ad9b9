package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.e2eecall.it.OtDouble.callArguments;
import static dev.e2eecall.it.OtDouble.callNames;
import static dev.e2eecall.it.OtDouble.initSessionSecret;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.e2eecall.KeyForms;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
class KeyInputIT extends DoubleCallTest {

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

    private int rooms;

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
        Tab tab = participant();
        JoinFormPage form = tab.form();
        form.name().fill(NAME);
        enter(tab.page(), form.key(), key, entry);
        // every character stays in the field: nothing cuts a key short
        assertThat(form.key().inputValue()).isEqualTo(key);
        int sessionsBefore = standIn.createRequests().size();

        form.enter().click();

        if (accepted) {
            tab.awaitConnected();
            assertThat(initSessionSecret(tab.page())).isEqualTo(key);
        } else {
            assertThat(form.keyField().error()).hasText(REFUSED);
            assertThat(form.keyField().error()).isVisible();
            assertThat(form.enter()).isEnabled();
            assertThat(standIn.createRequests()).hasSize(sessionsBefore);
            assertThat(callNames(tab.page())).isEmpty();
            assertThat(tab.traffic().sentContaining("/VAADIN/build/opentok-"))
                    .as("OpenTok.js loaded")
                    .isZero();
            assertThat(form.key().inputValue()).isEqualTo(key);
        }
        assertThat(tab.traffic().sentFormsOf(NAME))
                .as("the typed name in what the page sent")
                .isNotEmpty();
        if (!key.isBlank()) {
            assertNeverSent(tab.traffic(), key);
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
        Tab tab = participant();
        tab.join(NAME, "first-key-0001");
        CallPage call = tab.call();
        call.changeKey().click();

        enter(tab.page(), call.newKey(), key, entry);
        assertThat(call.newKey().inputValue()).isEqualTo(key);
        call.change().click();

        if (accepted) {
            assertThat(call.keyChangedNotice()).isVisible();
            assertThat(callArguments(tab.page(), "setEncryptionSecret")).containsExactly(key);
            assertThat(call.newKey()).hasValue("");
        } else {
            assertThat(call.newKeyField().error()).hasText(REFUSED);
            assertThat(call.newKeyField().error()).isVisible();
            assertThat(callArguments(tab.page(), "setEncryptionSecret")).isEmpty();
            assertThat(call.newKey().inputValue()).isEqualTo(key);
            tab.awaitConnected();
        }
        assertThat(tab.traffic().sentFormsOf(NAME))
                .as("the typed name in what the page sent")
                .isNotEmpty();
        assertNeverSent(tab.traffic(), key);
    }

    @Test
    void weakKey_getsAHintSuggestingGenerateKey_stillJoins_andTheHintIsNeverSent() {
        Tab tab = participant();
        JoinFormPage form = tab.form();
        Locator hint = form.keyField().strengthHint();

        form.key().fill("aaaaaaaa");
        assertThat(hint).hasText(WEAK_HINT);
        assertThat(hint).isVisible();

        form.generateKey().click();
        assertThat(form.key()).hasValue(GENERATED_KEY);
        assertThat(hint).isHidden();
        String generated = form.key().inputValue();

        form.key().fill("aaaaaaaa");
        assertThat(hint).hasText(WEAK_HINT);
        form.name().fill(NAME);
        form.enter().click();
        tab.awaitConnected();
        assertThat(initSessionSecret(tab.page())).isEqualTo("aaaaaaaa");

        assertThat(tab.traffic().sentFormsOf(NAME))
                .as("the typed name in what the page sent")
                .isNotEmpty();
        assertNeverSent(tab.traffic(), "aaaaaaaa", generated, WEAK_HINT, "Weak key");
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
        Tab tab = participant();
        Page page = tab.page();
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
    private Tab participant() {
        rooms++;
        return participant("keys-" + rooms, List.of("clipboard-read", "clipboard-write"));
    }

    private static void enter(Page page, Locator input, String key, Entry entry) {
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
}
