package dev.e2eecall.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2eecall.call.CallTicket;
import dev.e2eecall.join.JoinService;
import dev.e2eecall.join.Requester;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** In local mode there is no Vonage Video session to hand out: the API says so and how to get one. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "video.backend=local")
class TicketApiLocalModeTest {

    private static final String MESSAGE = "This server runs local peer-to-peer calls, which only its own page can "
            + "join, so it has no Vonage Video session to hand out. To use the Vonage Video API, the administrator "
            + "sets API_KEY and API_SECRET, or VONAGE_APPLICATION_ID and VONAGE_PRIVATE_KEY.";

    @LocalServerPort
    int port;

    @Autowired
    JoinService joins;

    @Test
    void everyTicketRequest_is409_sayingHowToConfigureCredentials() {
        try (ApiCalls api = new ApiCalls(port)) {
            List<HttpResponse<String>> answers =
                    List.of(api.get("/session"), api.ticket("lobby", "Ada"), api.ticket("not_a_room", ""));

            ApiDescription description = ApiDescription.served(api);
            for (HttpResponse<String> answer : answers) {
                assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(409);
                JsonNode problem = ApiCalls.body(answer);
                assertThat(problem.path("reason").asString()).isEqualTo("no-video-service");
                assertThat(problem.path("detail").asString()).isEqualTo(MESSAGE);
                assertThat(answer.headers().firstValue("Set-Cookie")).isEmpty();
            }
            description.assertDescribes("GET", "/session", answers.get(0));
            description.assertDescribes("POST", "/api/rooms/{room}/tickets", answers.get(1));
        }
        // the page's joins go on as before
        CallTicket page = joins.join("lobby", "Ada", new Requester("page-session", "127.0.0.1"));
        assertThat(page.engine()).isEqualTo(CallTicket.Engine.LOCAL);
    }
}
