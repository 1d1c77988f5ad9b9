package dev.e2eecall.vonage;

import dev.e2eecall.join.VideoServiceProperties;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Vonage application credentials, from {@code VONAGE_APPLICATION_ID} and {@code VONAGE_PRIVATE_KEY}
 * (the path of the key file, the PEM itself, or base64 of it: see {@link VonagePrivateKey}), plus
 * {@code VONAGE_VIDEO_API_URL}. Both credentials or neither. Checked at start-up; the private key
 * is checked as a whole ({@link ReadablePrivateKey}), so that a failed check never shows the key.
 */
@ConfigurationProperties("vonage")
@Validated
@ReadablePrivateKey
public record VonageProperties(
        @Nullable
        @Pattern(
                regexp = "[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}",
                message = "VONAGE_APPLICATION_ID must be the application's id, a UUID")
        String applicationId,

        @Nullable String privateKey,
        @DefaultValue("https://video.api.vonage.com") URI apiUrl) {

    public VonageProperties {
        applicationId = VideoServiceProperties.credential(applicationId);
        privateKey = privateKey == null || privateKey.isBlank() ? null : privateKey;
    }

    @AssertTrue(message = "VONAGE_PRIVATE_KEY is not set, but VONAGE_APPLICATION_ID is: set both")
    boolean isPrivateKeySetWithApplicationId() {
        return applicationId == null || privateKey != null;
    }

    @AssertTrue(message = "VONAGE_APPLICATION_ID is not set, but VONAGE_PRIVATE_KEY is: set both")
    boolean isApplicationIdSetWithPrivateKey() {
        return privateKey == null || applicationId != null;
    }

    @AssertTrue(
            message = "VONAGE_VIDEO_API_URL must be an http:// or https:// URL, such as https://video.api.vonage.com")
    boolean isApiUrlHttp() {
        return ("https".equals(apiUrl.getScheme()) || "http".equals(apiUrl.getScheme())) && apiUrl.getHost() != null;
    }

    /** Whether both application id and private key are set. */
    public boolean configured() {
        return applicationId != null && privateKey != null;
    }

    /** The private key as PKCS#8 PEM, read from the working directory's point of view. */
    String privateKeyPem() {
        if (privateKey == null) {
            throw new IllegalStateException("VONAGE_PRIVATE_KEY is not set");
        }
        try {
            return VonagePrivateKey.pkcs8Pem(privateKey, Path.of("").toAbsolutePath());
        } catch (VonagePrivateKey.UnusableKeyException e) {
            // no cause: the message is all there is to say, and holds nothing of the key
            throw new IllegalStateException(e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "VonageProperties[applicationId=" + applicationId + ", privateKey="
                + (privateKey == null ? "not set" : "***") + ", apiUrl=" + apiUrl + "]";
    }
}
