package dev.e2eecall.opentok;

import dev.e2eecall.join.VideoServiceProperties;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Credentials for the Vonage Video (OpenTok) REST API, from {@code API_KEY}, {@code API_SECRET}
 * and {@code OPENTOK_API_URL} (in {@code .env} or the environment). Both credentials or neither:
 * neither means the video service is not configured. Checked at start-up; a rule about the secret
 * is a check on a derived yes/no value, so that a failed check never shows the secret itself.
 */
@ConfigurationProperties("opentok")
@Validated
public record OpenTokProperties(
        @Nullable @Pattern(regexp = "[1-9][0-9]{0,9}", message = API_KEY_IS_A_NUMBER)
        String apiKey,

        @Nullable String apiSecret,
        @DefaultValue("https://api.opentok.com") URI apiUrl) {

    static final String API_KEY_IS_A_NUMBER = "API_KEY must be a positive whole number (the project's API key)";

    public OpenTokProperties {
        apiKey = VideoServiceProperties.credential(apiKey);
        apiSecret = VideoServiceProperties.credential(apiSecret);
    }

    @AssertTrue(
            message =
                    "API_SECRET is not set, but API_KEY is: set both (in .env or the environment), or neither for local mode")
    boolean isApiSecretSetWithApiKey() {
        return apiKey == null || apiSecret != null;
    }

    @AssertTrue(
            message =
                    "API_KEY is not set, but API_SECRET is: set both (in .env or the environment), or neither for local mode")
    boolean isApiKeySetWithApiSecret() {
        return apiSecret == null || apiKey != null;
    }

    // the SDK takes the key as an int
    @AssertTrue(message = API_KEY_IS_A_NUMBER)
    boolean isApiKeyAnInt() {
        return apiKey == null || !apiKey.matches("[0-9]{1,10}") || Long.parseLong(apiKey) <= Integer.MAX_VALUE;
    }

    @AssertTrue(
            message = "API_SECRET holds a PEM key: an OpenTok project has an API secret of 40 characters; "
                    + "a private key belongs in VONAGE_PRIVATE_KEY, with VONAGE_APPLICATION_ID instead of API_KEY")
    boolean isApiSecretNotAKey() {
        return apiSecret == null || !apiSecret.contains("-----BEGIN");
    }

    @AssertTrue(message = "API_SECRET holds spaces, line breaks or other characters that an API secret does not have")
    boolean isApiSecretOneWord() {
        return apiSecret == null || apiSecret.contains("-----BEGIN") || apiSecret.matches("[\\x21-\\x7E]+");
    }

    // the SDK signs its REST requests with HS256, which refuses keys under 256 bits; real secrets have 40 characters
    @AssertTrue(message = "API_SECRET is too short: a project's API secret has 40 characters")
    boolean isApiSecretLongEnough() {
        return apiSecret == null || apiSecret.getBytes(StandardCharsets.UTF_8).length >= 32;
    }

    @AssertTrue(message = "OPENTOK_API_URL must be an http:// or https:// URL, such as https://api.opentok.com")
    boolean isApiUrlHttp() {
        return ("https".equals(apiUrl.getScheme()) || "http".equals(apiUrl.getScheme())) && apiUrl.getHost() != null;
    }

    /** Whether API_KEY and API_SECRET are both set. */
    public boolean configured() {
        return apiKey != null && apiSecret != null;
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
                + ", apiUrl=" + apiUrl + "]";
    }
}
