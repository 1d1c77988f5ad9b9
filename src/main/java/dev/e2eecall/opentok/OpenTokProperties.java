package dev.e2eecall.opentok;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * Credentials and limits for the Vonage Video (OpenTok) REST API, from {@code API_KEY},
 * {@code API_SECRET}, {@code OPENTOK_API_URL}, {@code OPENTOK_TOKEN_TTL} (in {@code .env} or the
 * environment). Both credentials or neither: neither means the video service is not configured.
 */
@ConfigurationProperties("opentok")
public record OpenTokProperties(
        @Nullable String apiKey,
        @Nullable String apiSecret,
        @DefaultValue("https://api.opentok.com") URI apiUrl,
        @DefaultValue("1h") @DurationUnit(ChronoUnit.SECONDS) Duration tokenTtl,
        @DefaultValue("10s") Duration requestTimeout) {

    /** The longest a token may live, as the video service allows. */
    static final Duration MAX_TOKEN_TTL = Duration.ofDays(30);

    public OpenTokProperties {
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        apiSecret = apiSecret == null || apiSecret.isBlank() ? null : apiSecret.strip();
        if (apiKey != null && apiSecret == null) {
            throw new IllegalArgumentException("API_SECRET is not set, but API_KEY is: set both (in .env or the environment), or neither for local mode");
        }
        if (apiKey == null && apiSecret != null) {
            throw new IllegalArgumentException("API_KEY is not set, but API_SECRET is: set both (in .env or the environment), or neither for local mode");
        }
        if (apiKey != null && !apiKey.matches("[1-9][0-9]{0,9}")) {
            throw new IllegalArgumentException("API_KEY must be a positive whole number (the project's API key)");
        }
        if (apiKey != null && Long.parseLong(apiKey) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("API_KEY must be a positive whole number (the project's API key)");
        }
        // the SDK signs its REST requests with HS256, which refuses keys under 256 bits; real secrets have 40 characters
        if (apiSecret != null && apiSecret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("API_SECRET is too short: a project's API secret has 40 characters");
        }
        if (tokenTtl.isNegative() || tokenTtl.isZero() || tokenTtl.compareTo(MAX_TOKEN_TTL) > 0) {
            throw new IllegalArgumentException("OPENTOK_TOKEN_TTL must be more than 0 and at most 30 days, for example 1h or 3600");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("OPENTOK_REQUEST_TIMEOUT must be more than 0");
        }
    }

    /** Whether API_KEY and API_SECRET are both set. */
    public boolean configured() {
        return apiKey != null;
    }

    int apiKeyNumber() {
        if (apiKey == null) {
            throw new IllegalStateException("API_KEY is not set");
        }
        return Integer.parseInt(apiKey);
    }

    String requiredApiSecret() {
        if (apiSecret == null) {
            throw new IllegalStateException("API_SECRET is not set");
        }
        return apiSecret;
    }

    @Override
    public String toString() {
        return "OpenTokProperties[apiKey=" + apiKey + ", apiSecret=" + (apiSecret == null ? "not set" : "***")
                + ", apiUrl=" + apiUrl + ", tokenTtl=" + tokenTtl + ", requestTimeout=" + requestTimeout + "]";
    }
}
