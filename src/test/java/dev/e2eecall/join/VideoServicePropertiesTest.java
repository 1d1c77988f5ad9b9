package dev.e2eecall.join;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2eecall.ConfigurationBinding;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VideoServicePropertiesTest {

    private static List<String> problems(String tokenTtl, String requestTimeout) {
        return ConfigurationBinding.problems(
                "video-service",
                VideoServiceProperties.class,
                Map.of("video-service.token-ttl", tokenTtl, "video-service.request-timeout", requestTimeout));
    }

    @Test
    void defaults_areAnHourAndTenSeconds() {
        var properties = ConfigurationBinding.bind("video-service", VideoServiceProperties.class, Map.of());

        assertThat(properties.tokenTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(properties.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void plainNumberOfTokenTtl_isSeconds() {
        assertThat(ConfigurationBinding.bind(
                                "video-service",
                                VideoServiceProperties.class,
                                Map.of("video-service.token-ttl", "3600"))
                        .tokenTtl())
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void tokenTtl_isMoreThanZeroAndAtMostThirtyDays() {
        String message = "OPENTOK_TOKEN_TTL must be more than 0 and at most 30 days, for example 1h or 3600";
        assertThat(problems("0", "10s")).containsExactly(message);
        assertThat(problems("-5m", "10s")).containsExactly(message);
        assertThat(problems("31d", "10s")).containsExactly(message);
        assertThat(problems("30d", "10s")).isEmpty();
    }

    @Test
    void requestTimeout_isMoreThanZeroAndAtMostADay() {
        assertThat(problems("1h", "0s")).containsExactly("OPENTOK_REQUEST_TIMEOUT must be more than 0");
        assertThat(problems("1h", "2d")).containsExactly("OPENTOK_REQUEST_TIMEOUT must be at most 1 day");
    }

    @Test
    void credential_losesSpacesAndOnePairOfQuotes() {
        assertThat(VideoServiceProperties.credential(" '32545611' ")).isEqualTo("32545611");
        assertThat(VideoServiceProperties.credential("\"abc\"")).isEqualTo("abc");
        assertThat(VideoServiceProperties.credential("\"abc'")).isEqualTo("\"abc'");
        assertThat(VideoServiceProperties.credential(" \"\" ")).isNull();
        assertThat(VideoServiceProperties.credential("  ")).isNull();
    }
}
