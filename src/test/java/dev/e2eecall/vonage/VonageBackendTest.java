package dev.e2eecall.vonage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.e2eecall.FormBodies;
import dev.e2eecall.call.CallTicket;
import dev.e2eecall.join.DisplayName;
import dev.e2eecall.join.JoinException;
import dev.e2eecall.join.JoinWiring;
import dev.e2eecall.join.Requester;
import dev.e2eecall.join.RoomName;
import dev.e2eecall.join.VideoServiceProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Vonage backend against a local stand-in for the Vonage Video REST API. */
class VonageBackendTest {

    private static final String APPLICATION_ID = UUID.randomUUID().toString();
    private static final String SESSION_ID =
            "2_MX4" + UUID.randomUUID().toString().replace("-", "") + "fg";

    private final JsonMapper json = JsonMapper.builder().build();
    private final WireMockServer standIn =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private KeyPair keys;
    private VonageBackend backend;

    @BeforeEach
    void start() throws Exception {
        standIn.start();
        answer(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("[{\"session_id\":\"" + SESSION_ID + "\",\"application_id\":\"" + APPLICATION_ID
                        + "\",\"create_dt\":\"2026-11-28T14:00:00Z\",\"media_server_url\":\"\"}]"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        backend = new VonageBackend(
                new VonageProperties(APPLICATION_ID, pem, URI.create(standIn.baseUrl())),
                new VideoServiceProperties(Duration.ofHours(1), Duration.ofSeconds(2)),
                JoinWiring.inProcessRoomDirectory(Duration.ofHours(24), 10_000));
    }

    @AfterEach
    void stop() throws Exception {
        backend.close();
        standIn.stop();
    }

    private void answer(ResponseDefinitionBuilder response) {
        standIn.resetMappings();
        standIn.stubFor(post(urlPathEqualTo("/session/create")).willReturn(response));
    }

    private CallTicket.OpenTok join(String room, String name) {
        return (CallTicket.OpenTok)
                backend.join(RoomName.parse(room), DisplayName.parse(name), Requester.withoutSession("127.0.0.1"));
    }

    @Test
    void firstJoin_createsRoutedE2eeSession_signedWithThePrivateKey() throws Exception {
        CallTicket.OpenTok ticket = join("team", "Ada");
        join("team", "Grace");

        List<LoggedRequest> requests = standIn.findAll(postRequestedFor(urlPathEqualTo("/session/create")));
        assertThat(requests).hasSize(1);
        assertThat(FormBodies.parse(requests.getFirst().getBodyAsString()))
                .containsEntry("p2p.preference", "disabled")
                .containsEntry("e2ee", "true");
        String authorization = requests.getFirst().getHeader("Authorization");
        assertThat(authorization).startsWith("Bearer ");
        JsonNode claims = verifiedClaims(authorization.substring("Bearer ".length()));
        assertThat(claims.path("application_id").asString()).isEqualTo(APPLICATION_ID);

        assertThat(ticket.engine()).isEqualTo(CallTicket.Engine.OPENTOK);
        assertThat(ticket.apiKey()).isEqualTo(APPLICATION_ID);
        assertThat(ticket.sessionId()).isEqualTo(SESSION_ID);
    }

    @Test
    void token_isAnRs256PublisherJwtForTheSession_withTheNameAndExpiry() throws Exception {
        CallTicket.OpenTok ticket = join("team", "Zoë <b>");

        JsonNode claims = verifiedClaims(ticket.token());
        assertThat(claims.path("session_id").asString()).isEqualTo(SESSION_ID);
        assertThat(claims.path("role").asString()).isEqualTo("publisher");
        assertThat(claims.path("scope").asString()).isEqualTo("session.connect");
        assertThat(claims.path("application_id").asString()).isEqualTo(APPLICATION_ID);
        assertThat(json.readTree(claims.path("connection_data").asString())
                        .path("name")
                        .asString())
                .isEqualTo("Zoë <b>");
        long expiresIn = claims.path("exp").asLong() - Instant.now().getEpochSecond();
        assertThat(expiresIn).isBetween(3500L, 3600L);
        assertThat(ticket.expiresAt())
                .isEqualTo(Instant.ofEpochSecond(claims.path("exp").asLong()));
    }

    @Test
    void forbidden_namesTheVonageVariables() {
        answer(aResponse()
                .withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"title\":\"Forbidden\",\"detail\":\"Invalid JWT\"}"));
        assertThatThrownBy(() -> join("team", "Ada"))
                .hasMessageContaining("VONAGE_APPLICATION_ID and VONAGE_PRIVATE_KEY")
                .extracting(e -> ((JoinException) e).reason())
                .isEqualTo(JoinException.Reason.SERVICE_REFUSED);
    }

    @Test
    void serverError_saysTryAgain_andIsNotCached() {
        answer(aResponse()
                .withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{}"));
        assertThatThrownBy(() -> join("team", "Ada"))
                .hasMessage("The video service is unavailable right now. Please try again in a moment.")
                .extracting(e -> ((JoinException) e).reason())
                .isEqualTo(JoinException.Reason.SERVICE_UNAVAILABLE);

        answer(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("[{\"session_id\":\"" + SESSION_ID + "\"}]"));
        assertThat(join("team", "Ada").sessionId()).isEqualTo(SESSION_ID);
    }

    @Test
    void answerWithoutSession_saysUnexpectedAnswer() {
        answer(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("[]"));
        assertThatThrownBy(() -> join("team", "Ada"))
                .hasMessage("The video service sent an unexpected answer. Please try again.")
                .extracting(e -> ((JoinException) e).reason())
                .isEqualTo(JoinException.Reason.UNEXPECTED_ANSWER);
    }

    @Test
    void slowService_timesOut() {
        answer(aResponse().withStatus(200).withFixedDelay(5000).withBody("[]"));
        assertThatThrownBy(() -> join("team", "Ada"))
                .hasMessage("The video service did not answer in time. Please try again.")
                .extracting(e -> ((JoinException) e).reason())
                .isEqualTo(JoinException.Reason.SERVICE_TIMED_OUT);
    }

    private JsonNode verifiedClaims(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        assertThat(json.readTree(Base64.getUrlDecoder().decode(parts[0]))
                        .path("alg")
                        .asString())
                .isEqualTo("RS256");
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(keys.getPublic());
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(signature.verify(Base64.getUrlDecoder().decode(parts[2])))
                .as("RS256 signature")
                .isTrue();
        return json.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }
}
