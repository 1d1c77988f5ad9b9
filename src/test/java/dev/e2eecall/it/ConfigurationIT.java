package dev.e2eecall.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the production jar takes its configuration from .env and the environment. */
class ConfigurationIT {

    @TempDir
    Path workingDirectory;

    @Test
    void noCredentials_appStartsAndSaysHowToConfigure() {
        try (PackagedApp app = PackagedApp.start(workingDirectory, Map.of())) {
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
            assertThat(app.output()).contains("Vonage Video API at http://127.0.0.1:9, project 123456")
                    .doesNotContain("made-up-secret-from-dotenv-0123456789abcd");
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
            assertThat(app.output()).contains("API_KEY is not set").doesNotContain("made-up-secret-alone-0123456789abcdefghij");
        }
    }

    @Test
    void bothKindsOfCredentials_startUpFailsSayingToRemoveOnePair() throws Exception {
        try (PackagedApp app = PackagedApp.launch(workingDirectory, Map.of(
                "API_KEY", "123456",
                "API_SECRET", "made-up-secret-both-kinds-0123456789abcdef",
                "VONAGE_APPLICATION_ID", "0b0b0b0b-1111-2222-3333-444444444444",
                "VONAGE_PRIVATE_KEY", "/nonexistent/private.key"))) {
            assertThat(app.awaitExit(Duration.ofSeconds(90))).isNotZero();
            assertThat(app.output()).contains("remove one pair").doesNotContain("made-up-secret-both-kinds");
        }
    }
}
