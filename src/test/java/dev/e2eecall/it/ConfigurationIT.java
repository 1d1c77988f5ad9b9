package dev.e2eecall.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2eecall.SecretLeaks;
import dev.e2eecall.vonage.PrivateKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the production jar takes its configuration from .env and the environment. */
class ConfigurationIT {

    @TempDir
    Path workingDirectory;

    @Test
    void noCredentials_appStartsAndSaysHowToConfigure() {
        // the fat jar exactly as a user starts it; the other tests take the faster start of the same jar
        try (PackagedApp app = PackagedApp.startAsJar(workingDirectory, Map.of())) {
            assertThat(app.output()).contains("set API_KEY and API_SECRET in .env");
        }
    }

    @Test
    void dotEnvInWorkingDirectory_isPickedUp() throws Exception {
        Files.writeString(workingDirectory.resolve(".env"), """
                API_KEY=123456
                API_SECRET=made-up-secret-from-dotenv-0123456789abcd
                OPENTOK_API_URL=http://127.0.0.1:9
                """);
        try (PackagedApp app = PackagedApp.start(workingDirectory, Map.of())) {
            assertThat(app.output())
                    .contains("Vonage Video API at http://127.0.0.1:9, project 123456")
                    .doesNotContain("made-up-secret-from-dotenv-0123456789abcd");
        }
    }

    @Test
    void originalSamplesDotEnv_singleQuotedValues_areRead() throws Exception {
        // the lines the OpenTok sample's README tells people to write, with a made-up secret
        Files.writeString(workingDirectory.resolve(".env"), """
                API_KEY='32545611'
                API_SECRET='made-up-sample-secret-0123456789abcdef0123'
                OPENTOK_API_URL='http://127.0.0.1:9'
                """);
        try (PackagedApp app = PackagedApp.start(workingDirectory, Map.of())) {
            assertThat(app.output())
                    .contains("Vonage Video API at http://127.0.0.1:9, project 32545611")
                    .contains("Read API_KEY, API_SECRET, OPENTOK_API_URL from")
                    .doesNotContain("made-up-sample-secret")
                    .doesNotContain("0123456789abcdef0123");
        }
    }

    @Test
    void dotEnvWithExportDoubleQuotesAndComments_isRead() throws Exception {
        Files.writeString(workingDirectory.resolve(".env"), """
                # the project's credentials
                export API_KEY="123456"   # the project's API key
                export API_SECRET="made-up-exported-secret-0123456789abcdef"
                OPENTOK_API_URL=http://127.0.0.1:9 # a local address nothing answers on
                """);
        try (PackagedApp app = PackagedApp.start(workingDirectory, Map.of())) {
            assertThat(app.output())
                    .contains("Vonage Video API at http://127.0.0.1:9, project 123456")
                    .doesNotContain("made-up-exported-secret");
        }
    }

    @Test
    void multiLinePrivateKeyInDotEnv_startsWithApplicationCredentials() throws Exception {
        String applicationId = UUID.randomUUID().toString();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String keyBody = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        Files.writeString(
                workingDirectory.resolve(".env"),
                "VONAGE_APPLICATION_ID=" + applicationId + "\n"
                        + "VONAGE_PRIVATE_KEY=\"-----BEGIN PRIVATE KEY-----\n" + keyBody
                        + "\n-----END PRIVATE KEY-----\"\n"
                        + "VONAGE_VIDEO_API_URL=http://127.0.0.1:9\n");
        try (PackagedApp app = PackagedApp.start(workingDirectory, Map.of())) {
            assertThat(app.output()).contains("Vonage Video API at http://127.0.0.1:9, application " + applicationId);
            for (String line : keyBody.split("\n")) {
                assertThat(app.output()).as("private key material").doesNotContain(line);
            }
        }
    }

    @Test
    void environment_overridesDotEnv() throws Exception {
        Files.writeString(workingDirectory.resolve(".env"), """
                API_KEY=123456
                API_SECRET=made-up-secret-from-dotenv-0123456789abcd
                OPENTOK_API_URL=http://127.0.0.1:9
                """);
        try (PackagedApp app = PackagedApp.start(workingDirectory, Map.of("API_KEY", "654321"))) {
            assertThat(app.output()).contains("project 654321");
        }
    }

    @Test
    void onlyApiKeySet_startUpFailsNamingApiSecret() throws Exception {
        try (PackagedApp app = PackagedApp.launch(workingDirectory, Map.of("API_KEY", "123456"))) {
            assertThat(app.awaitExit(Duration.ofSeconds(90))).isNotZero();
            assertThat(app.output()).contains("API_SECRET is not set");
        }
    }

    @Test
    void onlyApiSecretSet_startUpFailsNamingApiKey() throws Exception {
        Files.writeString(workingDirectory.resolve(".env"), "API_SECRET=made-up-secret-alone-0123456789abcdefghij\n");
        try (PackagedApp app = PackagedApp.launch(workingDirectory, Map.of())) {
            assertThat(app.awaitExit(Duration.ofSeconds(90))).isNotZero();
            assertThat(app.output())
                    .contains("API_KEY is not set")
                    .doesNotContain("made-up-secret-alone-0123456789abcdefghij");
        }
    }

    @Test
    void bothKindsOfCredentials_startUpFailsSayingToRemoveOnePair() throws Exception {
        // a readable key: a key that cannot be read is refused before the pairs are compared
        Files.writeString(workingDirectory.resolve("private.key"), PrivateKeys.rsaPem());
        try (PackagedApp app = PackagedApp.launch(
                workingDirectory,
                Map.of(
                        "API_KEY", "123456",
                        "API_SECRET", "made-up-secret-both-kinds-0123456789abcdef",
                        "VONAGE_APPLICATION_ID", "0b0b0b0b-1111-2222-3333-444444444444",
                        "VONAGE_PRIVATE_KEY", "private.key"))) {
            assertThat(app.awaitExit(Duration.ofSeconds(90))).isNotZero();
            assertThat(app.output()).contains("remove one pair").doesNotContain("made-up-secret-both-kinds");
        }
    }

    @Test
    void privateKeyCutShortInDotEnv_startUpFailsWithoutShowingIt() throws Exception {
        String pem = PrivateKeys.rsaPem();
        String cutShort = pem.substring(0, pem.length() / 2);
        Files.writeString(
                workingDirectory.resolve(".env"),
                "VONAGE_APPLICATION_ID=" + UUID.randomUUID() + "\nVONAGE_PRIVATE_KEY=\"" + cutShort + "\"\n");
        try (PackagedApp app = PackagedApp.launch(workingDirectory, Map.of())) {
            assertThat(app.awaitExit(Duration.ofSeconds(90))).isNotZero();
            assertThat(app.output()).contains("VONAGE_PRIVATE_KEY is a PEM private key that is cut short");
            assertThat(SecretLeaks.partsIn(app.output(), pem))
                    .as("parts of the key in the log")
                    .isEmpty();
        }
    }

    @Test
    void base64OfAPublicKey_startUpFailsWithoutShowingIt() throws Exception {
        String publicKey =
                PrivateKeys.pem("PUBLIC KEY", PrivateKeys.rsa().getPublic().getEncoded());
        String base64 = Base64.getEncoder().encodeToString(publicKey.getBytes(StandardCharsets.US_ASCII));
        try (PackagedApp app = PackagedApp.launch(
                workingDirectory,
                Map.of("VONAGE_APPLICATION_ID", UUID.randomUUID().toString(), "VONAGE_PRIVATE_KEY", base64))) {
            assertThat(app.awaitExit(Duration.ofSeconds(90))).isNotZero();
            assertThat(app.output()).contains("VONAGE_PRIVATE_KEY (base64 of a PEM) is a public key");
            assertThat(SecretLeaks.partsIn(app.output(), base64))
                    .as("parts of the value in the log")
                    .isEmpty();
            assertThat(SecretLeaks.partsIn(app.output(), publicKey))
                    .as("parts of the key in the log")
                    .isEmpty();
        }
    }

    @Test
    void apiSecretWithASpace_startUpFailsWithoutShowingIt() throws Exception {
        String secret = "made-up-secret-with a-space-0123456789abcdef";
        try (PackagedApp app =
                PackagedApp.launch(workingDirectory, Map.of("API_KEY", "123456", "API_SECRET", secret))) {
            assertThat(app.awaitExit(Duration.ofSeconds(90))).isNotZero();
            assertThat(app.output()).contains("API_SECRET holds spaces, line breaks or other characters");
            assertThat(SecretLeaks.partsIn(app.output(), secret))
                    .as("parts of the secret in the log")
                    .isEmpty();
        }
    }

    @Test
    void privateKeyAsBase64OrRelativePath_startsWithApplicationCredentials() throws Exception {
        String pem = PrivateKeys.rsaPem();
        String base64 = Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
        String applicationId = UUID.randomUUID().toString();
        try (PackagedApp app = PackagedApp.start(
                workingDirectory,
                Map.of(
                        "VONAGE_APPLICATION_ID",
                        applicationId,
                        "VONAGE_PRIVATE_KEY",
                        base64,
                        "VONAGE_VIDEO_API_URL",
                        "http://127.0.0.1:9"))) {
            assertThat(app.output()).contains("application " + applicationId);
            assertThat(SecretLeaks.partsIn(app.output(), base64))
                    .as("parts of the value in the log")
                    .isEmpty();
        }
        Files.writeString(workingDirectory.resolve("private.key"), pem);
        try (PackagedApp app = PackagedApp.start(
                workingDirectory,
                Map.of(
                        "VONAGE_APPLICATION_ID",
                        applicationId,
                        "VONAGE_PRIVATE_KEY",
                        "private.key",
                        "VONAGE_VIDEO_API_URL",
                        "http://127.0.0.1:9"))) {
            assertThat(app.output()).contains("application " + applicationId);
            assertThat(SecretLeaks.partsIn(app.output(), pem))
                    .as("parts of the key in the log")
                    .isEmpty();
        }
    }
}
