package dev.e2eecall.opentok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpenTokPropertiesTest {

    private static final String SECRET = "made-up-secret-for-properties-0123456789";
    private static final URI URL = URI.create("https://api.opentok.com");

    @Test
    void toString_masksTheSecret() {
        var properties = new OpenTokProperties("123456", SECRET, URL, Duration.ofHours(1), Duration.ofSeconds(10));

        assertThat(properties.toString()).contains("123456").contains("***").doesNotContain(SECRET);
    }

    @Test
    void apiKey_mustBeAPositiveWholeNumber() {
        for (String key : new String[] {"0", "-5", "12a", "99999999999", "1.5"}) {
            assertThatThrownBy(() -> new OpenTokProperties(key, SECRET, URL, Duration.ofHours(1), Duration.ofSeconds(10)))
                    .as(key)
                    .hasMessage("API_KEY must be a positive whole number (the project's API key)");
        }
    }

    @Test
    void tokenTtl_isAtMostThirtyDays() {
        assertThatThrownBy(() -> new OpenTokProperties("1", SECRET, URL, Duration.ofDays(31), Duration.ofSeconds(10)))
                .hasMessageContaining("OPENTOK_TOKEN_TTL");
    }

    @Test
    void shortSecret_isRefusedWithoutBeingShown() {
        assertThatThrownBy(() -> new OpenTokProperties("1", "short-secret", URL, Duration.ofHours(1), Duration.ofSeconds(10)))
                .hasMessage("API_SECRET is too short: a project's API secret has 40 characters")
                .message().doesNotContain("short-secret");
    }
}
