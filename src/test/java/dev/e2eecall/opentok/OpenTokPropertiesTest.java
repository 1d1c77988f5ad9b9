package dev.e2eecall.opentok;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2eecall.ConfigurationBinding;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenTokPropertiesTest {

    private static final String SECRET = "made-up-secret-for-properties-0123456789";
    private static final URI URL = URI.create("https://api.opentok.com");

    private static List<String> problems(String apiKey, String apiSecret) {
        Map<String, String> properties = new HashMap<>();
        properties.put("opentok.api-key", apiKey);
        properties.put("opentok.api-secret", apiSecret);
        return ConfigurationBinding.problems("opentok", OpenTokProperties.class, properties);
    }

    @Test
    void toString_masksTheSecret() {
        var properties = new OpenTokProperties("123456", SECRET, URL);

        assertThat(properties.toString()).contains("123456").contains("***").doesNotContain(SECRET);
    }

    @Test
    void apiKey_mustBeAPositiveWholeNumber() {
        for (String key : new String[] {"0", "-5", "12a", "99999999999", "4294967295", "1.5"}) {
            assertThat(problems(key, SECRET))
                    .as(key)
                    .containsExactly("API_KEY must be a positive whole number (the project's API key)");
        }
    }

    @Test
    void credentialsInQuotesOrSpaces_areTakenWithout() {
        var properties = ConfigurationBinding.bind(
                "opentok",
                OpenTokProperties.class,
                Map.of("opentok.api-key", " '32545611' ", "opentok.api-secret", "\"" + SECRET + "\""));

        assertThat(properties.apiKey()).isEqualTo("32545611");
        assertThat(properties.apiSecret()).isEqualTo(SECRET);
    }

    @Test
    void halfThePair_namesTheMissingVariable() {
        assertThat(problems("123456", ""))
                .containsExactly(
                        "API_SECRET is not set, but API_KEY is: set both (in .env or the environment), or neither for local mode");
        assertThat(problems(" ", SECRET))
                .containsExactly(
                        "API_KEY is not set, but API_SECRET is: set both (in .env or the environment), or neither for local mode");
        assertThat(problems("", "")).isEmpty();
    }

    @Test
    void shortSecret_isRefusedWithoutBeingShown() {
        assertThat(problems("1", "short-secret"))
                .containsExactly("API_SECRET is too short: a project's API secret has 40 characters")
                .allSatisfy(message -> assertThat(message).doesNotContain("short-secret"));
    }

    @Test
    void apiUrl_mustBeHttp() {
        var properties = new HashMap<>(Map.of("opentok.api-url", "ftp://api.opentok.com"));
        assertThat(ConfigurationBinding.problems("opentok", OpenTokProperties.class, properties))
                .containsExactly("OPENTOK_API_URL must be an http:// or https:// URL, such as https://api.opentok.com");
    }
}
