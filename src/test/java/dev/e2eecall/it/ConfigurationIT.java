package dev.e2eecall.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2eecall.SecretLeaks;
import dev.e2eecall.opentok.OpenTokStandIn;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The production jar takes its configuration from the process: its working directory's {@code .env}
 * and its environment, in both modes. The cases of each setting and each malformed value start the
 * app in-process ({@code StartUpConfigurationTest}), which is many times faster than a jar each.
 */
class ConfigurationIT {

    private static final String API_SECRET = "made-up-secret-from-dotenv-0123456789abcd";

    @TempDir
    Path workingDirectory;

    @Test
    void noCredentials_theJarAsAUserStartsIt_runsLocalCalls_andSaysHowToConfigure() {
        // the fat jar exactly as a user starts it; the other packaged-jar tests take the faster start of the same jar
        try (PackagedApp app = PackagedApp.startAsJar(workingDirectory, Map.of())) {
            assertThat(app.output())
                    .contains("Video backend: local peer-to-peer calls")
                    .contains("set API_KEY and API_SECRET in .env");
        }
    }

    @Test
    void dotEnvInTheWorkingDirectory_withTheEnvironmentOverIt_givesTicketsFromTheVideoService() throws Exception {
        try (OpenTokStandIn standIn = new OpenTokStandIn(47110817)) {
            String apiKey = Integer.toString(standIn.apiKey());
            // the sample's quoted form; the environment's API_KEY wins over the .env's, which the service would refuse
            Files.writeString(workingDirectory.resolve(".env"), """
                    API_KEY='123456'
                    API_SECRET='%s'
                    OPENTOK_API_URL='%s'
                    """.formatted(API_SECRET, standIn.url()));

            try (PackagedApp app = PackagedApp.start(workingDirectory, Map.of("API_KEY", apiKey));
                    HttpClient http = HttpClient.newHttpClient()) {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(app.url("/api/rooms/smoke/tickets"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ada\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                JsonNode ticket = JsonMapper.builder().build().readTree(answer.body());
                assertThat(ticket.path("apiKey").asString()).isEqualTo(apiKey);
                assertThat(ticket.path("sessionId").asString()).isEqualTo(standIn.sessionId());
                assertThat(standIn.createRequests()).hasSize(1);
                assertThat(app.output())
                        .contains("Read API_KEY, API_SECRET, OPENTOK_API_URL from " + workingDirectory.resolve(".env"))
                        .contains("Vonage Video API at " + standIn.url() + ", project " + apiKey);
                assertThat(SecretLeaks.partsIn(app.output(), API_SECRET))
                        .as("parts of the secret in the log")
                        .isEmpty();
                assertThat(SecretLeaks.partsIn(answer.body(), API_SECRET))
                        .as("parts of the secret in the ticket")
                        .isEmpty();
            }
        }
    }
}
