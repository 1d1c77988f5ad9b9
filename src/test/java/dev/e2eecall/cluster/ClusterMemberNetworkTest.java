package dev.e2eecall.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.e2eecall.ClusterMembers;
import dev.e2eecall.join.CallProperties;
import dev.e2eecall.join.JoinWiring;
import dev.e2eecall.join.RoomName;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The member port: on the one address asked for, for members only, and only for members with the secret. */
class ClusterMemberNetworkTest {

    private static final CallProperties CALL = new CallProperties("lobby", 10, 60, Duration.ofHours(24), 10_000);

    @Test
    void member_listensOnItsOwnAddressOnly_notOnEveryInterface() throws Exception {
        try (ClusterMembers one = ClusterMembers.start(1)) {
            int port = one.member(0).getCluster().getLocalMember().getAddress().getPort();

            // the JVM may show the IPv4 address in its IPv6-mapped form; never *, 0.0.0.0 or [::]
            assertThat(listening(port))
                    .as("ss -ltn for port %d", port)
                    .singleElement()
                    .isIn("127.0.0.1:" + port, "[::ffff:127.0.0.1]:" + port);
            try (Socket socket = new Socket()) {
                // another loopback address of the same machine: open if the member listened on every interface
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress("127.0.0.2", port), 2000))
                        .isInstanceOf(ConnectException.class);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                assertThat(socket.isConnected()).isTrue();
            }
        }
    }

    @Test
    void plainClient_withTheClustersFullName_cannotConnect() {
        try (ClusterMembers one = ClusterMembers.start(1)) {
            ClientConfig client = new ClientConfig().setClusterName(one.clusterName());
            client.getNetworkConfig().addAddress(one.addresses().getFirst());
            client.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(5_000);
            client.setProperty("hazelcast.logging.type", "none");

            assertThatThrownBy(() -> HazelcastClient.newHazelcastClient(client).shutdown())
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void membersWithDifferentSecrets_formNoCluster_andDoNotCarryEachOthersRooms() {
        int portA = ClusterMembers.freePort();
        int portB = ClusterMembers.freePort();
        List<String> members = List.of("127.0.0.1:" + portA, "127.0.0.1:" + portB);
        String name = "test-" + UUID.randomUUID();
        HazelcastInstance a =
                Hazelcast.newHazelcastInstance(config(members, portA, name, "the-first-secret-0123456789abcdefgh"));
        HazelcastInstance b =
                Hazelcast.newHazelcastInstance(config(members, portB, name, "the-other-secret-0123456789abcdefgh"));
        try {
            assertThat(a.getCluster().getMembers()).hasSize(1);
            assertThat(b.getCluster().getMembers()).hasSize(1);
            RoomName room = RoomName.parse("shared-name");
            assertThat(JoinWiring.clusterRoomDirectory(
                                    a, ClusterSeal.of("the-first-secret-0123456789abcdefgh"), Duration.ofSeconds(10))
                            .sessionFor(room, any -> "session-of-a"))
                    .isEqualTo("session-of-a");
            assertThat(JoinWiring.clusterRoomDirectory(
                                    b, ClusterSeal.of("the-other-secret-0123456789abcdefgh"), Duration.ofSeconds(10))
                            .sessionFor(room, any -> "session-of-b"))
                    .isEqualTo("session-of-b");
        } finally {
            a.getLifecycleService().terminate();
            b.getLifecycleService().terminate();
        }
    }

    private static Config config(List<String> members, int port, String name, String secret) {
        Config config = ClusterConfiguration.memberConfig(
                new ClusterProperties(members, port, name, null, secret, null),
                ClusterSeal.of(secret),
                ClusterMembers.structures(CALL));
        config.setInstanceName(name + "-" + port);
        return config;
    }

    /** The local addresses listening on {@code port}, as {@code ss} reports them. */
    private static List<String> listening(int port) throws IOException, InterruptedException {
        Process ss = new ProcessBuilder("ss", "-Hltn", "sport = :" + port)
                .redirectErrorStream(true)
                .start();
        try (InputStream output = ss.getInputStream()) {
            String text = new String(output.readAllBytes(), StandardCharsets.UTF_8);
            ss.waitFor();
            return text.lines()
                    .map(line -> line.trim().split("\\s+"))
                    .filter(fields -> fields.length >= 4)
                    .map(fields -> fields[3])
                    .toList();
        }
    }
}
