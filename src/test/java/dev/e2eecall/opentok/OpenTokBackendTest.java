package dev.e2eecall.opentok;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.e2eecall.FormBodies;
import dev.e2eecall.call.CallTicket;
import dev.e2eecall.join.DisplayName;
import dev.e2eecall.join.JoinException;
import dev.e2eecall.join.JoinWiring;
import dev.e2eecall.join.Requester;
import dev.e2eecall.join.RoomName;
import dev.e2eecall.join.VideoServiceProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenTokBackendTest {

    private static final int API_KEY = 47110815;
    private static final String API_SECRET = "made-up-secret-0123456789abcdef0123456789";
    // the SDK checks expiry against the system clock, so the fixed clock stands at the present
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private final JsonMapper json = JsonMapper.builder().build();
    private OpenTokStandIn standIn;
    private OpenTokBackend backend;

    @BeforeEach
    void start() {
        standIn = new OpenTokStandIn(API_KEY);
        backend = backend(Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        backend.close();
        standIn.close();
    }

    private OpenTokBackend backend(Duration requestTimeout) {
        var properties = new OpenTokProperties(Integer.toString(API_KEY), API_SECRET, standIn.url());
        return new OpenTokBackend(
                properties,
                new VideoServiceProperties(Duration.ofHours(1), requestTimeout),
                JoinWiring.inProcessRoomDirectory(Duration.ofHours(24), 10_000),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private CallTicket.OpenTok join(String room, String name) {
        return (CallTicket.OpenTok)
                backend.join(RoomName.parse(room), DisplayName.parse(name), Requester.withoutSession("127.0.0.1"));
    }

    @Test
    void firstJoin_createsRoutedE2eeSessionWithSignedProjectJwt() throws Exception {
        CallTicket.OpenTok ticket = join("team", "Ada");

        List<LoggedRequest> requests = standIn.createRequests();
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.getFirst();
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(FormBodies.parse(request.getBodyAsString()))
                .containsEntry("p2p.preference", "disabled")
                .containsEntry("e2ee", "true")
                .doesNotContainKey("archiveMode.manual");

        String[] jwt = request.getHeader("X-OPENTOK-AUTH").split("\\.");
        assertThat(jwt).hasSize(3);
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(jwt[0]));
        assertThat(header.path("alg").asString()).isEqualTo("HS256");
        byte[] expectedSignature = hmac("HmacSHA256", jwt[0] + "." + jwt[1]);
        assertThat(Base64.getUrlDecoder().decode(jwt[2])).isEqualTo(expectedSignature);
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(claims.path("iss").asString()).isEqualTo(Integer.toString(API_KEY));
        assertThat(claims.path("ist").asString()).isEqualTo("project");
        assertThat(claims.path("jti").asString()).isNotBlank();
        long expiresIn = claims.path("exp").asLong() - Instant.now().getEpochSecond();
        assertThat(expiresIn).isBetween(1L, 300L);

        assertThat(ticket.engine()).isEqualTo(CallTicket.Engine.OPENTOK);
        assertThat(ticket.apiKey()).isEqualTo(Integer.toString(API_KEY));
        assertThat(ticket.sessionId()).isEqualTo(standIn.sessionId());
        assertThat(ticket.room()).isEqualTo("team");
        assertThat(ticket.name()).isEqualTo("Ada");
        assertThat(ticket.toString()).doesNotContain(ticket.token());
    }

    @Test
    void token_isSignedPublisherTokenForTheSessionWithNameAndExpiry() throws Exception {
        CallTicket.OpenTok ticket = join("team", "  Zoë \"the\" <b>Admin</b>  ");

        assertThat(ticket.token()).startsWith("T1==");
        String decoded = new String(Base64.getDecoder().decode(ticket.token().substring(4)), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        Map<String, String> envelope = FormBodies.parse(decoded.substring(0, colon));
        String data = decoded.substring(colon + 1);
        assertThat(envelope).containsEntry("partner_id", Integer.toString(API_KEY));
        assertThat(envelope.get("sig")).isEqualTo(HexFormat.of().formatHex(hmac("HmacSHA1", data)));

        Map<String, String> fields = FormBodies.parse(data);
        assertThat(fields)
                .containsEntry("session_id", standIn.sessionId())
                .containsEntry("role", "publisher")
                .containsEntry(
                        "expire_time",
                        Long.toString(NOW.plus(Duration.ofHours(1)).getEpochSecond()));
        assertThat(ticket.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        JsonNode connectionData = json.readTree(fields.get("connection_data"));
        assertThat(connectionData.path("name").asString()).isEqualTo("Zoë \"the\" <b>Admin</b>");
        assertThat(fields.get("connection_data").length()).isLessThanOrEqualTo(1000);
    }

    @Test
    void eachJoin_getsItsOwnToken_butTheRoomKeepsItsSession() {
        CallTicket.OpenTok first = join("team", "Ada");
        CallTicket.OpenTok second = join("team", "Grace");
        CallTicket.OpenTok otherRoom = join("other-room", "Ada");

        assertThat(second.sessionId()).isEqualTo(first.sessionId());
        assertThat(second.token()).isNotEqualTo(first.token());
        assertThat(otherRoom.room()).isEqualTo("other-room");
        assertThat(standIn.createRequests()).hasSize(2);
    }

    @Test
    void hundredConcurrentFirstJoins_createOneSession() throws Exception {
        standIn.answer(aResponse()
                .withStatus(200)
                .withFixedDelay(300)
                .withBody("[{\"session_id\":\"" + standIn.sessionId() + "\"}]"));
        List<Callable<CallTicket.OpenTok>> joins = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String name = "Person " + i;
            joins.add(() -> join("busy", name));
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<CallTicket.OpenTok> joined : pool.invokeAll(joins)) {
                assertThat(joined.get().sessionId()).isEqualTo(standIn.sessionId());
            }
        }
        assertThat(standIn.createRequests()).hasSize(1);
    }

    @Test
    void failedCreation_isNotCached_nextJoinTriesAgain() {
        standIn.answer(aResponse().withStatus(500));
        assertThatThrownBy(() -> join("team", "Ada"))
                .isInstanceOf(JoinException.class)
                .hasMessage("The video service is unavailable right now. Please try again in a moment.")
                .matches(e -> ((JoinException) e).retryable())
                .extracting(e -> ((JoinException) e).reason())
                .isEqualTo(JoinException.Reason.SERVICE_UNAVAILABLE);

        standIn.answerWithSession();
        assertThat(join("team", "Ada").sessionId()).isEqualTo(standIn.sessionId());
        assertThat(standIn.createRequests()).hasSize(2);
    }

    @Test
    void forbidden_saysTheCredentialsAreWrong() {
        standIn.answer(aResponse().withStatus(403).withBody("{\"code\":403,\"message\":\"Invalid token\"}"));
        assertThatThrownBy(() -> join("team", "Ada"))
                .hasMessageContaining("did not accept this server's credentials")
                .hasMessageContaining("API_KEY and API_SECRET")
                .matches(e -> !((JoinException) e).retryable())
                .extracting(e -> ((JoinException) e).reason())
                .isEqualTo(JoinException.Reason.SERVICE_REFUSED);
    }

    @Test
    void e2eeNotEnabled_saysSo() {
        standIn.answer(aResponse()
                .withStatus(400)
                .withBody("{\"code\":400,\"message\":\"E2EE is not enabled for this project\"}"));
        assertThatThrownBy(() -> join("team", "Ada"))
                .hasMessageStartingWith("End-to-end encryption is not enabled for this Vonage Video account.")
                .extracting(e -> ((JoinException) e).reason())
                .isEqualTo(JoinException.Reason.SERVICE_REFUSED);
    }

    @Test
    void otherBadRequest_saysTheServiceRefused() {
        standIn.answer(aResponse().withStatus(400).withBody("{\"code\":400,\"message\":\"Invalid location\"}"));
        assertThatThrownBy(() -> join("team", "Ada"))
                .hasMessage("The video service refused to create a call for this room (HTTP 400).");
    }

    @Test
    void slowService_timesOutWithRetryMessage() {
        backend.close();
        backend = backend(Duration.ofMillis(500));
        standIn.answer(aResponse().withStatus(200).withFixedDelay(3000).withBody("[]"));
        // were the timeout not applied, the late answer would arrive and be refused as unexpected instead
        assertThatThrownBy(() -> join("team", "Ada"))
                .hasMessage("The video service did not answer in time. Please try again.")
                .extracting(e -> ((JoinException) e).reason())
                .isEqualTo(JoinException.Reason.SERVICE_TIMED_OUT);
    }

    @Test
    void malformedAnswer_saysUnexpectedAnswer() {
        standIn.answer(aResponse().withStatus(200).withBody("<html>not json"));
        assertThatThrownBy(() -> join("team", "Ada"))
                .hasMessage("The video service sent an unexpected answer. Please try again.")
                .extracting(e -> ((JoinException) e).reason())
                .isEqualTo(JoinException.Reason.UNEXPECTED_ANSWER);
    }

    @Test
    void emptyArray_saysUnexpectedAnswer() {
        standIn.answer(aResponse().withStatus(200).withBody("[]"));
        assertThatThrownBy(() -> join("team", "Ada"))
                .hasMessage("The video service sent an unexpected answer. Please try again.");
    }

    @Test
    void droppedConnection_saysServiceUnreachable() {
        standIn.answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertThatThrownBy(() -> join("team", "Ada"))
                .hasMessage("Could not reach the video service. Please try again in a moment.")
                .extracting(e -> ((JoinException) e).reason())
                .isEqualTo(JoinException.Reason.SERVICE_UNREACHABLE);
    }

    @Test
    void close_stopsTheHttpClientThreads() {
        // other tests in this JVM may run clients of their own: watch only the threads this join starts
        List<Thread> before = httpClientThreads();
        join("team", "Ada");
        List<Thread> started = httpClientThreads().stream()
                .filter(thread -> !before.contains(thread))
                .toList();
        assertThat(started).isNotEmpty();

        backend.close();

        // the SDK's client shuts its event loop down in the background: wait for the condition
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(started).noneMatch(Thread::isAlive));
    }

    private static List<Thread> httpClientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith("AsyncHttpClient"))
                .toList();
    }

    private static byte[] hmac(String algorithm, String data) throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(API_SECRET.getBytes(StandardCharsets.UTF_8), algorithm));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
