package dev.e2eecall.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a balancer or a Kubernetes probe asks the packaged app: the health answers say the state and
 * nothing more, build no page and open no session; the rest of Actuator is not on the web.
 */
class HealthIT {

    @TempDir
    Path workingDirectory;

    private static HttpResponse<String> get(HttpClient http, PackagedApp app, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(app.url(path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthAndProbes_sayUpAndNothingElse_whileTheRestOfActuatorIsNotThere() throws Exception {
        try (PackagedApp app = PackagedApp.start(workingDirectory, Map.of());
                HttpClient http = HttpClient.newHttpClient()) {
            // the status, and at the top the names of the probe groups: no component, no detail
            Map<String, String> answers = Map.of(
                    "/actuator/health", "{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}",
                    "/actuator/health/liveness", "{\"status\":\"UP\"}",
                    "/actuator/health/readiness", "{\"status\":\"UP\"}");
            for (String probe : answers.keySet()) {
                HttpResponse<String> answer = get(http, app, probe);

                assertThat(answer.statusCode()).as(probe).isEqualTo(200);
                assertThat(answer.body()).as(probe).isEqualTo(answers.get(probe));
                // a probe every few seconds must not leave a session (and a Vaadin UI) behind each time
                assertThat(answer.headers().allValues("Set-Cookie")).as(probe).isEmpty();
            }
            for (String hidden : new String[] {
                "/actuator",
                "/actuator/env",
                "/actuator/beans",
                "/actuator/info",
                "/actuator/configprops",
                "/actuator/heapdump",
                "/actuator/health/diskSpace"
            }) {
                assertThat(get(http, app, hidden).statusCode()).as(hidden).isEqualTo(404);
            }
        }
    }
}
