package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.e2eecall.it.LocalCall.Tab;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keys people may type, checked in the browser (the only place a key exists): refused ones get
 * the message under the field and start no call; accepted ones, whatever their script, join.
 */
class KeyInputIT extends LocalModeBrowserTest {

    private static final String REFUSED = "The encryption key must be 8 to 256 characters, not only spaces";


    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of("7 characters", "abcdefg", false),
                Arguments.of("257 characters, pasted past the field's limit", "k".repeat(257), false),
                Arguments.of("only spaces", " ".repeat(12), false),
                Arguments.of("empty", "", false),
                Arguments.of("8 characters", "abcdefgh", true),
                Arguments.of("256 characters", "m".repeat(256), true),
                Arguments.of("non-Latin text", "ключ-шифрования-李娜", true),
                Arguments.of("emoji", "🔑🔒🗝️🔐🔏", true),
                Arguments.of("markup", "<script>alert(1)</script>", true));
    }

    @ParameterizedTest(name = "key {0}: accepted={2}")
    @MethodSource("keys")
    void key_isCheckedInTheBrowser(String label, String key, boolean accepted) {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab tab = call.open("/room/keys");
            tab.field("Name").fill("Ada");
            // set like a paste, past the field's own length limit, straight into the web component
            tab.page().locator("vaadin-password-field").first().evaluate("(field, key) => field.value = key", key);
            tab.button("Enter").click();

            if (accepted) {
                assertThat(tab.page().locator(".call-status")).hasText(Pattern.compile("^Connected"));
                tab.button("Leave").click();
                assertThat(tab.field("Name")).isVisible();
            } else {
                assertThat(tab.page().getByText(REFUSED)).isVisible();
                assertThat(tab.page().locator(".tile")).hasCount(0);
            }
            if (!key.isBlank()) {
                assertThat(tab.traffic().sentContaining(key)).isZero();
            }
            assertThat(app.output()).doesNotContain(key.isBlank() ? "never-in-the-log" : key);
        }
    }
}
