package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.e2eecall.SecretLeaks;
import dev.e2eecall.opentok.OpenTokStandIn;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of the packaged app joined by CLUSTER_MEMBERS and CLUSTER_SECRET: one room is one
 * call, on either instance, in OpenTok mode and in local mode, and a member that got in without the
 * secret learns nothing of it.
 */
class ClusterIT {

    private static final int API_KEY = 47110816;
    private static final String API_SECRET = "made-up-api-secret-cluster-0123456789abcd";
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String ADA = "Ada Lovelace-Ω";
    private static final String GRACE = "Grace Hopper-李";

    @TempDir
    Path first;

    @TempDir
    Path second;

    @Test
    void oneRoomEnteredOnBothInstances_isOneSession_andOutlivesTheFirstInstance() throws Exception {
        try (OpenTokStandIn standIn = new OpenTokStandIn(API_KEY);
                HttpClient http = HttpClient.newHttpClient()) {
            List<PackagedApp> apps = PackagedApp.startCluster(
                    List.of(first, second),
                    Map.of(
                            "API_KEY",
                            Integer.toString(API_KEY),
                            "API_SECRET",
                            API_SECRET,
                            "OPENTOK_API_URL",
                            standIn.url().toString()));
            try {
                Set<String> sessions = ConcurrentHashMap.newKeySet();
                List<Future<?>> tickets = new ArrayList<>();
                try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int i = 0; i < 40; i++) {
                        PackagedApp instance = apps.get(i % 2);
                        int person = i;
                        tickets.add(
                                threads.submit(() -> sessions.add(ticket(http, instance, "x", "Person " + person))));
                    }
                    for (Future<?> ticket : tickets) {
                        ticket.get(60, TimeUnit.SECONDS);
                    }
                }
                assertThat(sessions).hasSize(1);
                assertThat(standIn.createRequests()).hasSize(1);

                assertThat(apps.get(0).stop())
                        .as("the first instance stops by itself")
                        .isTrue();

                assertThat(ticket(http, apps.get(1), "x", "Late"))
                        .isEqualTo(sessions.iterator().next());
                assertThat(standIn.createRequests()).hasSize(1);
            } finally {
                apps.forEach(PackagedApp::close);
            }
        }
    }

    @Test
    void
            localCallAcrossInstancesAfterABurst_decodesBothWays_leavesNothingPrivateInTheCluster_andLosesAKilledInstancesParticipant()
                    throws Exception {
        List<PackagedApp> apps = PackagedApp.startCluster(List.of(first, second), Map.of());
        try (ClusterWatch cluster = ClusterWatch.join(apps.get(0));
                Chromium chromium = new Chromium();
                LocalCall onFirst =
                        new LocalCall(chromium.browser(), apps.get(0).url("/"));
                LocalCall onSecond =
                        new LocalCall(chromium.browser(), apps.get(1).url("/"))) {
            long burst = System.nanoTime();
            cluster.burst(20_000);
            System.out.printf(
                    "20,000 messages to each instance's topic took %d ms to publish%n",
                    (System.nanoTime() - burst) / 1_000_000);
            Tab ada = onFirst.open("/room/across");
            Tab grace = onSecond.open("/room/across");
            String key = "a-key-for-both-instances-🔑";
            ada.join(ADA, key);
            grace.join(GRACE, key);

            ada.awaitRemoteVideoPlaying(GRACE);
            grace.awaitRemoteVideoPlaying(ADA);

            // the room's occupants and the relayed offers crossed the cluster, sealed: an outsider in it learns nothing
            assertThat(cluster.seen()).as("what the outsider member saw").hasSizeGreaterThan(4);
            List<String> secrets = new ArrayList<>(List.of(
                    ADA,
                    GRACE,
                    "/room/across",
                    "\"across\"",
                    key,
                    "127.0.0.1",
                    "a=fingerprint:",
                    "a=ice-ufrag:",
                    "candidate:",
                    "\"offer\"",
                    "\"answer\""));
            for (Tab tab : List.of(ada, grace)) {
                tab.page().context().cookies().forEach(cookie -> secrets.add(cookie.value));
            }
            for (String secret : secrets) {
                assertThat(cluster.formsOf(secret))
                        .as("forms of %s in what the cluster holds", secret)
                        .isEmpty();
            }

            long killed = System.nanoTime();
            apps.get(0).kill();

            assertThat(grace.remoteTile(ADA).tile())
                    .hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
            System.out.printf(
                    "The participant of a killed instance left the room after %d ms%n",
                    (System.nanoTime() - killed) / 1_000_000);
            assertThat(grace.call().status()).hasText("Connected. Waiting for others to join.");
        } finally {
            apps.forEach(PackagedApp::close);
        }
    }

    @Test
    void clusterWithoutALongEnoughSecret_refusesToStart_namingTheVariable_neverTheValue() throws Exception {
        String tooShort = "short-cluster-secret-0123456";
        try (PackagedApp app =
                PackagedApp.launch(first, Map.of("CLUSTER_MEMBERS", "127.0.0.1:5701", "CLUSTER_SECRET", tooShort))) {
            assertThat(app.awaitExit(Duration.ofSeconds(90))).isNotZero();
            assertThat(app.output()).contains("CLUSTER_SECRET must be set, at least 32 characters");
            assertThat(SecretLeaks.partsIn(app.output(), tooShort))
                    .as("parts of the secret in the log")
                    .isEmpty();
        }
    }

    /** Asks an instance for a ticket to the room through the JSON API and returns its session id. */
    private static String ticket(HttpClient http, PackagedApp instance, String room, String name) throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(instance.url("/api/rooms/" + room + "/tickets"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                json.createObjectNode().put("name", name).toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode ticket = json.readTree(answer.body());
        return ticket.path("sessionId").asString();
    }
}
