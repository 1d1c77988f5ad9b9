package dev.e2eecall.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e2eecall.join.JoinException;
import dev.e2eecall.join.JoinService;
import dev.e2eecall.join.Requester;
import dev.e2eecall.opentok.OpenTokStandIn;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The join limits, shared by the page and the API: counted per minute, per address for API clients. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TicketApiLimitsTest {

    private static final int API_KEY = 4713;
    private static final OpenTokStandIn standIn = new OpenTokStandIn(API_KEY);

    @DynamicPropertySource
    static void videoService(DynamicPropertyRegistry registry) {
        registry.add("opentok.api-key", () -> Integer.toString(API_KEY));
        registry.add("opentok.api-secret", () -> "made-up-secret-for-limit-tests-0123456789");
        registry.add("opentok.api-url", () -> standIn.url().toString());
        registry.add("call.joins-per-minute-per-session", () -> "2");
        registry.add("call.joins-per-minute-per-address", () -> "6");
    }

    @AfterAll
    static void stopStandIn() {
        standIn.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JoinService joins;

    /** The counts start again each minute: the app's clock stands early in one, so that all of this falls within it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class EarlyInAMinute {
        @Bean
        @Primary
        Clock earlyInAMinute() {
            return Clock.fixed(Instant.parse("2026-03-02T10:15:05Z"), ZoneOffset.UTC);
        }
    }

    @Test
    void pageAndApi_fromOneAddress_shareItsLimit_andTheApiIsToldWhenToRetry() throws Exception {
        try (ApiCalls api = new ApiCalls(port)) {
            // more than the per-session limit of 2: an API client has no session, only its address counts
            for (int i = 0; i < 3; i++) {
                assertThat(api.ticket("limited", "App " + i).statusCode()).isEqualTo(200);
            }
            joins.join("limited", "Page 1", new Requester("page-session", "127.0.0.1"));
            joins.join("limited", "Page 2", new Requester("page-session", "127.0.0.1"));
            assertThat(api.get("/session").statusCode()).isEqualTo(200);

            HttpResponse<String> refused = api.ticket("limited", "App 4");
            HttpResponse<String> refusedSession = api.get("/session");

            assertThat(refused.statusCode()).isEqualTo(429);
            long retryAfter =
                    Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            // from 10:15:05 to the next minute, when the counts start again
            assertThat(retryAfter).isEqualTo(55L);
            JsonNode problem = ApiCalls.body(refused);
            assertThat(problem.path("reason").asString()).isEqualTo("too-many-joins");
            assertThat(problem.path("detail").asString())
                    .isEqualTo("Too many attempts to join in a short time. Please wait a minute and try again.");
            assertThat(refusedSession.statusCode()).isEqualTo(429);
            assertThat(refusedSession.headers().firstValue("Retry-After")).isPresent();
            ApiDescription description = ApiDescription.served(api);
            description.assertDescribes("POST", "/api/rooms/{room}/tickets", refused);
            description.assertDescribes("GET", "/session", refusedSession);

            // the page at the same address is refused too; another address is not
            assertThatThrownBy(() -> joins.join("limited", "Page 3", new Requester("other-session", "127.0.0.1")))
                    .extracting(e -> ((JoinException) e).reason())
                    .isEqualTo(JoinException.Reason.TOO_MANY_JOINS);
            assertThatCode(() -> joins.join("limited", "Page 4", new Requester("fresh-session", "10.0.0.1")))
                    .doesNotThrowAnyException();
        }
    }
}
