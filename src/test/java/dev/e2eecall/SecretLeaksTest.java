package dev.e2eecall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2eecall.vonage.PrivateKeys;
import org.junit.jupiter.api.Test;

/** The search the secret tests rely on finds what it must, so that their zero counts mean something. */
class SecretLeaksTest {

    @Test
    void sixteenCharactersOfAKey_areFound_evenAcrossALineBreak() throws Exception {
        String pem = PrivateKeys.rsaPem();
        String secondLine = pem.lines().skip(2).findFirst().orElseThrow();
        String acrossLines = pem.substring(pem.indexOf(secondLine) - 8, pem.indexOf(secondLine) + 9);

        assertThat(SecretLeaks.partsIn("failed: " + secondLine.substring(20, 36) + " was read", pem))
                .isNotEmpty();
        assertThat(SecretLeaks.partsIn("failed: " + acrossLines, pem)).isNotEmpty();
        assertThat(SecretLeaks.partsIn("-----BEGIN PRIVATE KEY----- cut short", pem))
                .isEmpty();
    }

    @Test
    void shortSecret_isFoundWhole_andQuotesAreNotPartOfIt() {
        assertThat(SecretLeaks.partsIn("secret was short-secret", "'short-secret'"))
                .containsExactly("short-secret");
        assertThat(SecretLeaks.partsIn("API_SECRET is too short", "short-secret"))
                .isEmpty();
    }
}
