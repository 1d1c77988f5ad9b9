package dev.e2eecall.vonage;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * Vonage application credentials, from {@code VONAGE_APPLICATION_ID} and {@code VONAGE_PRIVATE_KEY}
 * (a path to the PEM file, or the PEM itself), plus {@code VONAGE_VIDEO_API_URL}. Both or neither.
 */
@ConfigurationProperties("vonage")
public record VonageProperties(
        @Nullable String applicationId,
        @Nullable String privateKey,
        @DefaultValue("https://video.api.vonage.com") URI apiUrl,
        @DefaultValue("1h") @DurationUnit(ChronoUnit.SECONDS) Duration tokenTtl,
        @DefaultValue("10s") Duration requestTimeout) {

    public VonageProperties {
        applicationId = applicationId == null || applicationId.isBlank() ? null : applicationId.strip();
        privateKey = privateKey == null || privateKey.isBlank() ? null : privateKey.strip();
        if (applicationId != null && privateKey == null) {
            throw new IllegalArgumentException("VONAGE_PRIVATE_KEY is not set, but VONAGE_APPLICATION_ID is: set both");
        }
        if (applicationId == null && privateKey != null) {
            throw new IllegalArgumentException("VONAGE_APPLICATION_ID is not set, but VONAGE_PRIVATE_KEY is: set both");
        }
        if (applicationId != null && !applicationId.matches("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")) {
            throw new IllegalArgumentException("VONAGE_APPLICATION_ID must be the application's id, a UUID");
        }
        if (tokenTtl.isNegative() || tokenTtl.isZero() || tokenTtl.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("OPENTOK_TOKEN_TTL must be more than 0 and at most 30 days");
        }
    }

    /** Whether both application id and private key are set. */
    public boolean configured() {
        return applicationId != null;
    }

    /** The private key's PEM text: the value itself, or the file it names. */
    String privateKeyPem() {
        if (privateKey == null) {
            throw new IllegalStateException("VONAGE_PRIVATE_KEY is not set");
        }
        if (privateKey.startsWith("-----BEGIN")) {
            return privateKey;
        }
        try {
            return Files.readString(Path.of(privateKey));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("VONAGE_PRIVATE_KEY names a file that cannot be read: " + privateKey, e);
        }
    }

    @Override
    public String toString() {
        return "VonageProperties[applicationId=" + applicationId + ", privateKey=" + (privateKey == null ? "not set" : "***")
                + ", apiUrl=" + apiUrl + ", tokenTtl=" + tokenTtl + ", requestTimeout=" + requestTimeout + "]";
    }
}
