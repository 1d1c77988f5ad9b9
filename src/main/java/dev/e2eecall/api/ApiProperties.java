package dev.e2eecall.api;

import dev.e2eecall.web.WebOrigins;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the JSON API.
 *
 * @param corsOrigins the web origins whose pages may call the API from the browser
 *                    ({@code API_CORS_ORIGINS}, comma-separated); none by default, so cross-origin
 *                    use is off. Native apps send no origin and need none.
 */
@ConfigurationProperties("api")
public record ApiProperties(@DefaultValue("") String corsOrigins) {

    static final String CORS_ORIGINS_VARIABLE = "API_CORS_ORIGINS";

    public ApiProperties {
        // refuses a bad origin when the app starts
        WebOrigins.parse(CORS_ORIGINS_VARIABLE, corsOrigins);
    }

    /** The allowed origins, normalized as browsers send them. */
    public List<String> allowedOrigins() {
        return WebOrigins.parse(CORS_ORIGINS_VARIABLE, corsOrigins);
    }
}
