package dev.e2eecall.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON API with Vonage application credentials: the key is the application id, and says so. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TicketApiVonageTest {

    private static final String APPLICATION_ID = UUID.randomUUID().toString();
    private static final String SESSION_ID =
            "2_MX4" + UUID.randomUUID().toString().replace("-", "") + "fg";
    private static final WireMockServer standIn =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private static final String PRIVATE_KEY = privateKeyPem();
    private static final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void videoService(DynamicPropertyRegistry registry) {
        standIn.start();
        standIn.stubFor(post(urlPathEqualTo("/session/create"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("[{\"session_id\":\"" + SESSION_ID + "\",\"application_id\":\"" + APPLICATION_ID
                                + "\"}]")));
        registry.add("vonage.application-id", () -> APPLICATION_ID);
        registry.add("vonage.private-key", () -> PRIVATE_KEY);
        registry.add("vonage.api-url", standIn::baseUrl);
    }

    @AfterAll
    static void stopStandIn() {
        standIn.stop();
    }

    @LocalServerPort
    int port;

    @Test
    void roomTicket_namesTheApplicationId_andSessionKeepsTheSamplesApiKeyField() {
        try (ApiCalls api = new ApiCalls(port)) {
            HttpResponse<String> ticket = api.ticket("vonage-room", "Ada");
            HttpResponse<String> session = api.get("/session");

            assertThat(ticket.statusCode()).as(ticket.body()).isEqualTo(200);
            JsonNode body = ApiCalls.body(ticket);
            assertThat(body.propertyNames())
                    .containsExactlyInAnyOrder("applicationId", "sessionId", "token", "room", "name", "expiresAt");
            assertThat(body.path("applicationId").asString()).isEqualTo(APPLICATION_ID);
            assertThat(body.path("sessionId").asString()).isEqualTo(SESSION_ID);
            JsonNode claims = json.readTree(
                    Base64.getUrlDecoder().decode(body.path("token").asString().split("\\.")[1]));
            assertThat(claims.path("role").asString()).isEqualTo("publisher");
            assertThat(json.readTree(claims.path("connection_data").asString())
                            .path("name")
                            .asString())
                    .isEqualTo("Ada");
            assertThat(Instant.parse(body.path("expiresAt").asString()))
                    .isEqualTo(Instant.ofEpochSecond(claims.path("exp").asLong()));

            assertThat(session.statusCode()).isEqualTo(200);
            assertThat(ApiCalls.body(session).path("apiKey").asString()).isEqualTo(APPLICATION_ID);

            ApiDescription description = ApiDescription.served(api);
            description.assertDescribes("POST", "/api/rooms/{room}/tickets", ticket);
            description.assertDescribes("GET", "/session", session);
            assertThat(api.answers())
                    .noneMatch(answer -> answer.contains("PRIVATE KEY")
                            || answer.contains(
                                    PRIVATE_KEY.lines().skip(1).findFirst().orElseThrow()));
        }
    }

    private static String privateKeyPem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(
                                    generator.generateKeyPair().getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
