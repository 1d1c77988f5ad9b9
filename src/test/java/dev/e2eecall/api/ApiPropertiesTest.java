package dev.e2eecall.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ApiPropertiesTest {

    private static ApiProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("api", ApiProperties.class);
    }

    @Test
    void noSetting_allowsNoOrigin() {
        assertThat(bind(Map.of()).allowedOrigins()).isEmpty();
    }

    @Test
    void namedOrigins_areAllowed() {
        assertThat(bind(Map.of("api.cors-origins", "https://portal.example, http://localhost:5173"))
                        .allowedOrigins())
                .containsExactly("https://portal.example", "http://localhost:5173");
    }

    @Test
    void originWithTrailingSlash_stopsBindingNamingTheVariable() {
        assertThatThrownBy(() -> bind(Map.of("api.cors-origins", "https://portal.example/")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageStartingWith("API_CORS_ORIGINS: \"https://portal.example/\" is not a web origin");
    }
}
