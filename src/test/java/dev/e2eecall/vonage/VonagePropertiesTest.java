package dev.e2eecall.vonage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VonagePropertiesTest {

    private static final String PEM = "-----BEGIN PRIVATE KEY-----\nMIIEmadeUpKeyMaterial\n-----END PRIVATE KEY-----";
    private static final URI URL = URI.create("https://video.api.vonage.com");

    @Test
    void toString_masksThePrivateKey() {
        var properties = new VonageProperties("0b0b0b0b-1111-2222-3333-444444444444", PEM, URL, Duration.ofHours(1),
                Duration.ofSeconds(10));

        assertThat(properties.toString()).contains("***").doesNotContain("MIIEmadeUpKeyMaterial");
    }

    @Test
    void halfThePair_namesTheMissingVariable() {
        assertThatThrownBy(() -> new VonageProperties("0b0b0b0b-1111-2222-3333-444444444444", null, URL,
                Duration.ofHours(1), Duration.ofSeconds(10))).hasMessageStartingWith("VONAGE_PRIVATE_KEY is not set");
        assertThatThrownBy(() -> new VonageProperties(null, PEM, URL, Duration.ofHours(1), Duration.ofSeconds(10)))
                .hasMessageStartingWith("VONAGE_APPLICATION_ID is not set");
    }
}
