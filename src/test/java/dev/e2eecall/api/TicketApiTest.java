package dev.e2eecall.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.e2eecall.call.CallTicket;
import dev.e2eecall.join.JoinService;
import dev.e2eecall.join.Requester;
import dev.e2eecall.opentok.OpenTokStandIn;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON API over real HTTP against the app in OpenTok mode, its REST API played by the stand-in:
 * the sample's {@code /session} and the room tickets, their tokens, the errors, and the page and the
 * API meeting in one session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TicketApiTest {

    private static final int API_KEY = 4712;
    private static final String API_SECRET = "made-up-secret-for-api-tests-0123456789ab";
    private static final String PORTAL = "https://portal.example";
    private static final OpenTokStandIn standIn = new OpenTokStandIn(API_KEY);
    private static final JsonMapper json = JsonMapper.builder().build();
    private static ApiCalls api;

    @DynamicPropertySource
    static void videoService(DynamicPropertyRegistry registry) {
        registry.add("opentok.api-key", () -> Integer.toString(API_KEY));
        registry.add("opentok.api-secret", () -> API_SECRET);
        registry.add("opentok.api-url", () -> standIn.url().toString());
        registry.add("video-service.request-timeout", () -> "1s");
        // all the calls come from 127.0.0.1: the limits have a test of their own
        registry.add("call.joins-per-minute-per-address", () -> "100000");
        registry.add("api.cors-origins", () -> PORTAL + ", http://localhost:5173");
    }

    @LocalServerPort
    int port;

    @Autowired
    JoinService joins;

    @BeforeEach
    void connect() {
        standIn.reset();
        if (api == null) {
            api = new ApiCalls(port);
        }
    }

    @AfterAll
    static void everyAnswer_holdsNoSecret_noStackTrace_andNoSessionCookie() {
        List<String> answers = api.answers();
        assertThat(answers).hasSizeGreaterThan(20);
        assertThat(answers).noneMatch(answer -> answer.contains(API_SECRET));
        assertThat(answers)
                .noneMatch(answer -> answer.contains("Exception")
                        || answer.contains("\tat ")
                        || answer.contains(".java:")
                        || answer.contains("\"trace\""));
        assertThat(answers).noneMatch(answer -> answer.toLowerCase().contains("set-cookie"));
        api.close();
        standIn.close();
    }

    @Test
    void session_answersTheSamplesContract_withAPublisherTokenForTheDefaultRoom() throws Exception {
        HttpResponse<String> answer = api.get("/session");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = ApiCalls.body(answer);
        assertThat(body.propertyNames()).containsExactly("apiKey", "sessionId", "token");
        assertThat(body.path("apiKey").asString()).isEqualTo(Integer.toString(API_KEY));
        String sessionId = body.path("sessionId").asString();
        assertThat(sessionId).isNotBlank();

        Map<String, String> token = PublisherToken.fields(body.path("token").asString(), API_KEY, API_SECRET);
        assertThat(token).containsEntry("session_id", sessionId).containsEntry("role", "publisher");
        assertThat(json.readTree(token.get("connection_data")).path("name").asString())
                .isEqualTo("Guest");
        long expiresIn =
                Long.parseLong(token.get("expire_time")) - Instant.now().getEpochSecond();
        assertThat(expiresIn).isBetween(3500L, 3600L);

        // the default room is the page's room at /: the same session as a page join there
        var page = (CallTicket.OpenTok) joins.join("lobby", "Ada", new Requester("page-session", "10.9.0.1"));
        assertThat(page.sessionId()).isEqualTo(sessionId);
    }

    @Test
    void roomTicket_holdsAPublisherTokenWithTheName_andItsExpiry() throws Exception {
        String sessionId = standIn.answerWithNewSession();
        HttpResponse<String> answer = api.ticket("Ticket-Room", "  Zoë \"the\" <b>Admin</b>  ");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = ApiCalls.body(answer);
        assertThat(body.propertyNames())
                .containsExactlyInAnyOrder("apiKey", "sessionId", "token", "room", "name", "expiresAt");
        assertThat(body.path("apiKey").asString()).isEqualTo(Integer.toString(API_KEY));
        assertThat(body.path("sessionId").asString()).isEqualTo(sessionId);
        assertThat(body.path("room").asString()).isEqualTo("ticket-room");
        assertThat(body.path("name").asString()).isEqualTo("Zoë \"the\" <b>Admin</b>");

        Map<String, String> token = PublisherToken.fields(body.path("token").asString(), API_KEY, API_SECRET);
        assertThat(token).containsEntry("session_id", sessionId).containsEntry("role", "publisher");
        assertThat(json.readTree(token.get("connection_data")).path("name").asString())
                .isEqualTo("Zoë \"the\" <b>Admin</b>");
        Instant expiresAt = Instant.parse(body.path("expiresAt").asString());
        assertThat(expiresAt.getEpochSecond()).isEqualTo(Long.parseLong(token.get("expire_time")));
        assertThat(Duration.between(Instant.now(), expiresAt)).isBetween(Duration.ofMinutes(58), Duration.ofHours(1));
        assertThat(standIn.createRequests()).hasSize(1);
    }

    @Test
    void pageAndApi_inOneRoom_shareItsSession_andOtherRoomsHaveTheirOwn() {
        String first = standIn.answerWithNewSession();
        var page = (CallTicket.OpenTok) joins.join("shared-room", "Ada", new Requester("page-session", "10.9.0.2"));
        String second = standIn.answerWithNewSession();

        JsonNode sameRoom = ApiCalls.body(api.ticket("shared-room", "Grace"));
        JsonNode otherRoom = ApiCalls.body(api.ticket("another-room", "Grace"));

        assertThat(page.sessionId()).isEqualTo(first);
        assertThat(sameRoom.path("sessionId").asString()).isEqualTo(first);
        assertThat(otherRoom.path("sessionId").asString()).isEqualTo(second);
        assertThat(sameRoom.path("token").asString()).isNotEqualTo(page.token());
        assertThat(standIn.createRequests()).hasSize(2);
    }

    @Test
    void fiftyPageJoinsAndFiftyApiCalls_forANewRoomAtOnce_createOneSession() throws Exception {
        String sessionId = standIn.answerWithNewSession();
        standIn.answer(aResponse()
                .withStatus(200)
                .withFixedDelay(500)
                .withHeader("Content-Type", "application/json")
                .withBody("[{\"session_id\":\"" + sessionId + "\"}]"));
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<String>> joiners = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Requester pageVisitor = new Requester("page-" + i, "10.8.0." + i);
            String name = "Page " + i;
            joiners.add(() -> {
                start.await();
                return ((CallTicket.OpenTok) joins.join("rush-hour", name, pageVisitor)).sessionId();
            });
            String apiName = "App " + i;
            joiners.add(() -> {
                start.await();
                HttpResponse<String> answer = api.ticket("rush-hour", apiName);
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                return ApiCalls.body(answer).path("sessionId").asString();
            });
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> sessions =
                    joiners.stream().map(threads::submit).toList();
            start.countDown();
            for (Future<String> session : sessions) {
                assertThat(session.get()).isEqualTo(sessionId);
            }
        }
        assertThat(standIn.createRequests()).hasSize(1);
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of(
                        "room with markup",
                        "/api/rooms/%3Cb%3E/tickets",
                        "{\"name\":\"Ada\"}",
                        "invalid-room",
                        "A room name has 1 to 64 characters: letters a-z, digits and dashes."),
                Arguments.of(
                        "room of 65 characters",
                        "/api/rooms/" + "a".repeat(65) + "/tickets",
                        "{\"name\":\"Ada\"}",
                        "invalid-room",
                        "A room name has 1 to 64 characters: letters a-z, digits and dashes."),
                Arguments.of(
                        "room with dots",
                        "/api/rooms/a..b/tickets",
                        "{\"name\":\"Ada\"}",
                        "invalid-room",
                        "A room name has 1 to 64 characters: letters a-z, digits and dashes."),
                Arguments.of(
                        "empty name",
                        "/api/rooms/bad-input/tickets",
                        "{\"name\":\"  \"}",
                        "invalid-name",
                        "Please enter your name."),
                Arguments.of(
                        "no name", "/api/rooms/bad-input/tickets", "{}", "invalid-name", "Please enter your name."),
                Arguments.of(
                        "51 characters",
                        "/api/rooms/bad-input/tickets",
                        "{\"name\":\"" + "a".repeat(51) + "\"}",
                        "invalid-name",
                        "A name has at most 50 characters."),
                Arguments.of(
                        "control character",
                        "/api/rooms/bad-input/tickets",
                        "{\"name\":\"Ada\\u0000\"}",
                        "invalid-name",
                        "A name cannot contain control characters."),
                Arguments.of(
                        "name not a string",
                        "/api/rooms/bad-input/tickets",
                        "{\"name\":42}",
                        "invalid-request",
                        "The name must be a string, such as {\"name\": \"Ada\"}."),
                Arguments.of(
                        "an encryption key",
                        "/api/rooms/bad-input/tickets",
                        "{\"name\":\"Ada\",\"encryptionSecret\":\"secret-key-123\"}",
                        "invalid-request",
                        "The request body takes only a name, such as {\"name\": \"Ada\"}. Never send an encryption key: it stays in the client."),
                Arguments.of(
                        "not JSON",
                        "/api/rooms/bad-input/tickets",
                        "name=Ada",
                        "invalid-request",
                        "The request body must be JSON, such as {\"name\": \"Ada\"}."),
                Arguments.of(
                        "a JSON array",
                        "/api/rooms/bad-input/tickets",
                        "[\"Ada\"]",
                        "invalid-request",
                        "The request body takes only a name, such as {\"name\": \"Ada\"}. Never send an encryption key: it stays in the client."));
    }

    @ParameterizedTest(name = "{0}: 400")
    @MethodSource("badInput")
    void badInput_is400WithTheFormsMessage_andNeverReachesTheRestApi(
            String label, String path, String body, String reason, String message) {
        HttpResponse<String> answer = api.postJson(path, body);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = ApiCalls.body(answer);
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("reason").asString()).isEqualTo(reason);
        assertThat(problem.path("detail").asString()).isEqualTo(message);
        assertThat(standIn.createRequests()).isEmpty();
    }

    static Stream<Arguments> serviceFaults() {
        return Stream.of(
                Arguments.of(
                        "403",
                        aResponse().withStatus(403).withBody("{\"message\":\"Invalid token\"}"),
                        502,
                        "service-refused",
                        "The video service did not accept this server's credentials. "
                                + "The administrator should check API_KEY and API_SECRET."),
                Arguments.of(
                        "E2EE not enabled",
                        aResponse().withStatus(400).withBody("{\"message\":\"E2EE not enabled\"}"),
                        502,
                        "service-refused",
                        "End-to-end encryption is not enabled for this Vonage Video account. "
                                + "The administrator can enable it in the account settings."),
                Arguments.of(
                        "500",
                        aResponse().withStatus(500),
                        503,
                        "service-unavailable",
                        "The video service is unavailable right now. Please try again in a moment."),
                Arguments.of(
                        "503",
                        aResponse().withStatus(503).withHeader("Retry-After", "30"),
                        503,
                        "service-unavailable",
                        "The video service is unavailable right now. Please try again in a moment."),
                Arguments.of(
                        "connection reset",
                        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                        502,
                        "service-unreachable",
                        "Could not reach the video service. Please try again in a moment."),
                Arguments.of(
                        "malformed answer",
                        aResponse().withStatus(200).withBody("[{\"session_id\":"),
                        502,
                        "unexpected-answer",
                        "The video service sent an unexpected answer. Please try again."),
                Arguments.of(
                        "answer after the timeout",
                        aResponse().withStatus(200).withFixedDelay(3000).withBody("[]"),
                        504,
                        "service-timed-out",
                        "The video service did not answer in time. Please try again."));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("serviceFaults")
    void failingVideoService_givesItsStatusAndTheUsersMessage_andTheRoomRecovers(
            String label, ResponseDefinitionBuilder fault, int status, String reason, String message) {
        String room = "fault-" + label.replaceAll("[^a-z0-9]", "-");
        standIn.answer(fault);

        HttpResponse<String> answer = api.ticket(room, "Ada");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = ApiCalls.body(answer);
        assertThat(problem.path("reason").asString()).isEqualTo(reason);
        assertThat(problem.path("detail").asString()).isEqualTo(message);

        standIn.answerWithSession();
        assertThat(api.ticket(room, "Ada").statusCode()).isEqualTo(200);
    }

    @Test
    void springsOwnErrors_areProblemsToo_withoutDetailsOfTheServer() {
        HttpResponse<String> wrongMethod = api.get("/api/rooms/lobby/tickets");
        HttpResponse<String> wrongType = api.send(
                "POST", "/api/rooms/lobby/tickets", "name=Ada", "Content-Type", "application/x-www-form-urlencoded");

        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(wrongType.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(standIn.createRequests()).isEmpty();
    }

    @Test
    void answers_carryTheSecurityHeaders() {
        HttpResponse<String> answer = api.get("/session");

        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(answer.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy).contains("frame-ancestors 'self';"));
    }

    @Test
    void namedOrigin_passesThePreflight_andReadsTheAnswer() {
        HttpResponse<String> preflight = api.send(
                "OPTIONS",
                "/api/rooms/cors-room/tickets",
                "",
                "Origin",
                PORTAL,
                "Access-Control-Request-Method",
                "POST",
                "Access-Control-Request-Headers",
                "content-type");
        HttpResponse<String> session = api.get("/session", "Origin", PORTAL);
        HttpResponse<String> ticket =
                api.postJson("/api/rooms/cors-room/tickets", "{\"name\":\"Ada\"}", "Origin", "http://localhost:5173");

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue(PORTAL);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValueSatisfying(methods -> assertThat(methods).contains("POST"));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials"))
                .isEmpty();
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PORTAL);
        assertThat(session.headers().firstValue("Access-Control-Expose-Headers"))
                .hasValue("Retry-After");
        assertThat(ticket.statusCode()).isEqualTo(200);
        assertThat(ticket.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
    }

    @Test
    void unnamedOrigin_isRefused_beforeAnyTicketIsMade() {
        HttpResponse<String> preflight = api.send(
                "OPTIONS",
                "/api/rooms/cors-refused/tickets",
                "",
                "Origin",
                "https://elsewhere.example",
                "Access-Control-Request-Method",
                "POST",
                "Access-Control-Request-Headers",
                "content-type");
        HttpResponse<String> session = api.get("/session", "Origin", "https://elsewhere.example");
        HttpResponse<String> ticket = api.postJson(
                "/api/rooms/cors-refused/tickets", "{\"name\":\"Ada\"}", "Origin", "https://portal.example:8443");

        for (HttpResponse<String> answer : List.of(preflight, session, ticket)) {
            assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(403);
            assertThat(answer.headers().firstValue("Access-Control-Allow-Origin"))
                    .isEmpty();
            assertThat(answer.body()).doesNotContain("token");
        }
        assertThat(standIn.createRequests()).isEmpty();
    }

    @Test
    void description_documentsTheRealAnswers() {
        ApiDescription description = ApiDescription.served(api);
        String tickets = "/api/rooms/{room}/tickets";

        description.assertDescribes("GET", "/session", api.get("/session"));
        description.assertDescribes("POST", tickets, api.ticket("described", "Ada"));
        description.assertDescribes("POST", tickets, api.ticket("described", ""));
        description.assertDescribes("POST", tickets, api.postJson("/api/rooms/described/tickets", "{\"key\":1}"));
        description.assertDescribes("POST", tickets, api.ticket("not_a_room", "Ada"));
        standIn.answer(aResponse().withStatus(403));
        description.assertDescribes("POST", tickets, api.ticket("described-403", "Ada"));
        standIn.answer(aResponse().withStatus(500));
        description.assertDescribes("POST", tickets, api.ticket("described-500", "Ada"));
        standIn.answer(aResponse().withStatus(200).withFixedDelay(3000).withBody("[]"));
        description.assertDescribes("POST", tickets, api.ticket("described-slow", "Ada"));
    }

    @Test
    void description_refusesAnswersItDoesNotDescribe() {
        ApiDescription description = ApiDescription.served(api);

        assertThat(description.errorsAgainst(
                        "/components/schemas/SampleSession",
                        "{\"apiKey\":\"1\",\"sessionId\":\"s\",\"token\":\"t\",\"apiSecret\":\"x\"}"))
                .isNotEmpty();
        assertThat(
                        description.errorsAgainst(
                                "/components/schemas/Ticket",
                                "{\"apiKey\":\"1\",\"applicationId\":\"a\","
                                        + "\"sessionId\":\"s\",\"token\":\"t\",\"room\":\"r\",\"name\":\"n\",\"expiresAt\":\"2026-11-29T10:00:00Z\"}"))
                .isNotEmpty();
        assertThat(description.errorsAgainst("/components/schemas/Problem", "{\"status\":400}"))
                .isNotEmpty();
        assertThat(description.document().at("/info/description").asString()).contains("encryption key is never part");
    }
}
