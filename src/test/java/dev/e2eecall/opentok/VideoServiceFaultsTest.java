package dev.e2eecall.opentok;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.e2eecall.call.CallTicket;
import dev.e2eecall.join.DisplayName;
import dev.e2eecall.join.JoinException;
import dev.e2eecall.join.JoinWiring;
import dev.e2eecall.join.Requester;
import dev.e2eecall.join.RoomName;
import dev.e2eecall.join.VideoServiceProperties;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every way the video service's REST API can fail, one after the other against one backend: each
 * gives the user a clear message, nothing is cached, the next join after recovery succeeds, and no
 * thread or connection is left behind.
 */
class VideoServiceFaultsTest {

    private static final Requester ANYONE = Requester.withoutSession("127.0.0.1");

    private static final int API_KEY = 31337;
    private static final String SECRET = "made-up-secret-for-faults-0123456789abcdef";
    private static final OpenTokStandIn standIn = new OpenTokStandIn(API_KEY);

    @AfterAll
    static void stop() {
        standIn.close();
    }

    private static OpenTokBackend backend(URI url) {
        // the default timeout, 10 s: the slow answer below takes 15 s
        return new OpenTokBackend(
                new OpenTokProperties(Integer.toString(API_KEY), SECRET, url),
                new VideoServiceProperties(Duration.ofHours(1), Duration.ofSeconds(10)),
                JoinWiring.inProcessRoomDirectory(Duration.ofHours(24), 10_000));
    }

    @Test
    void eachFault_givesItsMessage_isNotCached_andLeaksNothing() throws Exception {
        Map<String, ResponseDefinitionBuilder> faults = new LinkedHashMap<>();
        faults.put(
                "The video service did not accept this server's credentials. The administrator should check "
                        + "API_KEY and API_SECRET.",
                aResponse().withStatus(403).withBody("{\"message\":\"Invalid token\"}"));
        faults.put(
                "End-to-end encryption is not enabled for this Vonage Video account. The administrator can enable "
                        + "it in the account settings.",
                aResponse().withStatus(400).withBody("{\"message\":\"E2EE not enabled\"}"));
        faults.put(
                "The video service is unavailable right now. Please try again in a moment.",
                aResponse().withStatus(500));
        faults.put(
                "The video service is unavailable right now. Please try again in a moment. (503)",
                aResponse().withStatus(503).withHeader("Retry-After", "30"));
        faults.put(
                "Could not reach the video service. Please try again in a moment.",
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        faults.put(
                "The video service did not answer in time. Please try again.",
                aResponse().withStatus(200).withFixedDelay(15_000).withBody("[]"));
        faults.put(
                "The video service sent an unexpected answer. Please try again.",
                aResponse().withStatus(200).withBody("[{\"session_id\":"));
        faults.put(
                "The video service sent an unexpected answer. Please try again. ([])",
                aResponse().withStatus(200).withBody("[]"));

        try (OpenTokBackend backend = backend(standIn.url())) {
            // warm up: the client's thread and pooled connection exist from here on
            backend.join(RoomName.parse("warm-up"), DisplayName.parse("Ada"), ANYONE);
            Set<String> poolsBefore = clientThreadPools();
            long connectionsBefore = openConnectionsTo(standIn.url().getPort());

            int room = 0;
            for (Map.Entry<String, ResponseDefinitionBuilder> fault : faults.entrySet()) {
                RoomName roomName = RoomName.parse("fault-" + room++);
                standIn.answer(fault.getValue());
                String expected = fault.getKey().replaceAll(" \\(.*\\)$", "");
                assertThatThrownBy(() -> backend.join(roomName, DisplayName.parse("Ada"), ANYONE))
                        .isInstanceOf(JoinException.class)
                        .hasMessage(expected);

                standIn.answerWithSession();
                assertThat(((CallTicket.OpenTok) backend.join(roomName, DisplayName.parse("Ada"), ANYONE)).sessionId())
                        .as("join after recovery from: %s", fault.getKey())
                        .isEqualTo(standIn.sessionId());
            }

            assertThat(clientThreadPools()).as("the client's thread pools").isSubsetOf(poolsBefore);
            assertThat(openConnectionsTo(standIn.url().getPort())).isLessThanOrEqualTo(connectionsBefore + 1);
            System.out.printf(
                    "faults survived: %d; client thread pools before %s, after %s; connections to the service"
                            + " before %d, after %d%n",
                    faults.size(),
                    poolsBefore,
                    clientThreadPools(),
                    connectionsBefore,
                    openConnectionsTo(standIn.url().getPort()));
        }
    }

    @Test
    void connectionRefused_saysUnreachable_andRecoversWhenTheServiceIsBack() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (OpenTokBackend backend = backend(URI.create("http://127.0.0.1:" + closedPort))) {
            assertThatThrownBy(() -> backend.join(RoomName.parse("refused"), DisplayName.parse("Ada"), ANYONE))
                    .hasMessage("Could not reach the video service. Please try again in a moment.");
        }
    }

    /**
     * The SDK HTTP client's thread pools, by name: a client opened and not closed would add a pool.
     * A pool itself starts its event-loop threads one by one as connections open, up to its size,
     * and other tests' contexts in this JVM have threads of their own, so threads are not counted.
     */
    private static Set<String> clientThreadPools() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("AsyncHttpClient-"))
                .map(name -> name.substring(0, name.lastIndexOf('-')))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Established TCP connections from the client to a local port, from the kernel's tables (Linux). */
    private static long openConnectionsTo(int port) throws IOException {
        String hexPort = String.format(":%04X", port);
        long count = 0;
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            try (var lines = Files.lines(Path.of(table))) {
                count += lines.skip(1)
                        .map(String::trim)
                        .map(line -> line.split("\\s+"))
                        .filter(fields -> fields[2].endsWith(hexPort) && "01".equals(fields[3]))
                        .count();
            }
        }
        return count;
    }
}
