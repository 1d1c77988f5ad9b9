package dev.e2eecall.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which other sites may show this app inside their own pages (an iframe, usually made by
 * {@code /embed.js}).
 *
 * @param origins the web origins of the pages allowed to frame the app ({@code EMBED_ORIGINS},
 *                comma-separated, checked at start-up like {@code API_CORS_ORIGINS}); none by default,
 *                and then only the app's own pages may frame it. When set, the session cookie becomes
 *                {@code SameSite=None; Secure; Partitioned} so that the session works inside another
 *                site's frame, and the page in the frame takes commands from these origins only.
 */
@ConfigurationProperties("embed")
public record EmbedProperties(@DefaultValue("") String origins) {

    static final String ORIGINS_VARIABLE = "EMBED_ORIGINS";

    public EmbedProperties {
        // refuses a bad origin when the app starts
        WebOrigins.parse(ORIGINS_VARIABLE, origins);
    }

    /** The origins allowed to frame the app, normalized as browsers send them; empty when none is. */
    public List<String> allowedOrigins() {
        return WebOrigins.parse(ORIGINS_VARIABLE, origins);
    }

    /** Whether pages of another site may frame the app. */
    public boolean enabled() {
        return !allowedOrigins().isEmpty();
    }
}
