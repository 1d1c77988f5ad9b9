package dev.e2eecall.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the production jar takes the JSON API's settings. */
class ApiConfigurationIT {

    @TempDir
    Path workingDirectory;

    @Test
    void corsOriginWithATrailingSlash_stopsStartUpNamingTheVariable() throws Exception {
        try (PackagedApp app = PackagedApp.launch(
                workingDirectory,
                Map.of("API_CORS_ORIGINS", "https://portal.example.com, https://partner.example.com/"))) {
            assertThat(app.awaitExit(Duration.ofSeconds(90))).isNotZero();
            assertThat(app.output())
                    .contains(
                            "API_CORS_ORIGINS: \"https://partner.example.com/\" is not a web origin "
                                    + "(it has a path; leave out everything after the host and port, including a trailing slash)");
        }
    }
}
