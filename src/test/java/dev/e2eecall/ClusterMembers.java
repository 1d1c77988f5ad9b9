package dev.e2eecall;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.e2eecall.cluster.ClusterSeal;
import dev.e2eecall.cluster.ClusterStructures;
import dev.e2eecall.cluster.ClusterWiring;
import dev.e2eecall.join.CallProperties;
import dev.e2eecall.join.JoinWiring;
import dev.e2eecall.local.LocalWiring;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Cluster members in this JVM, configured as the app configures its own (TCP-IP on 127.0.0.1, a
 * cluster name of their own so that tests never join each other, a secret of their own), for tests
 * of what the cluster shares.
 */
public final class ClusterMembers implements AutoCloseable {

    private final List<HazelcastInstance> members = new ArrayList<>();
    private final List<String> addresses;
    private final String name;
    private final String secret;
    private final ClusterSeal seal;

    private ClusterMembers(List<String> addresses, String name, String secret) {
        this.addresses = addresses;
        this.name = name;
        this.secret = secret;
        this.seal = ClusterSeal.of(secret);
    }

    /** Starts {@code count} members and waits until each sees all the others. */
    public static ClusterMembers start(int count) {
        return start(count, Duration.ofHours(24), 10_000);
    }

    public static ClusterMembers start(int count, Duration roomIdleTimeout, int rememberedRooms) {
        List<Integer> ports =
                IntStream.range(0, count).mapToObj(i -> freePort()).toList();
        List<String> addresses = ports.stream().map(port -> "127.0.0.1:" + port).toList();
        ClusterMembers cluster = new ClusterMembers(
                addresses, "test-" + UUID.randomUUID(), "a-test-cluster-secret-" + UUID.randomUUID());
        CallProperties call = new CallProperties("lobby", 10, 60, roomIdleTimeout, rememberedRooms);
        for (int port : ports) {
            cluster.members.add(Hazelcast.newHazelcastInstance(cluster.config(port, cluster.secret, call)));
        }
        return cluster;
    }

    /** The keys the members seal with; one instance, so that its count of dropped values is the test's. */
    public ClusterSeal seal() {
        return seal;
    }

    /** The configuration of one more member at {@code port} (listed among the members or not). */
    private Config config(int port, String secret, CallProperties call) {
        List<String> all = new ArrayList<>(addresses);
        if (!all.contains("127.0.0.1:" + port)) {
            all.add("127.0.0.1:" + port);
        }
        Config config = ClusterWiring.memberConfig(all, port, name, secret, structures(call));
        config.setInstanceName(name + "-" + port);
        return config;
    }

    /** What the app's modules keep in the cluster, as each declares it. */
    public static List<ClusterStructures> structures(CallProperties call) {
        return List.of(JoinWiring.clusterStructures(call), LocalWiring.clusterStructures());
    }

    /**
     * A data member that got in without the secret: the cluster's name and its tag, which travel in
     * clear in every join request, taken from the network; no seal key. It holds and sees everything
     * the members put in the cluster, and may write anything. The caller shuts it down.
     */
    public HazelcastInstance outsider() {
        return outsider(clusterName(), addresses);
    }

    /** An outsider data member as above, for a cluster of the given full name (its tag included). */
    public static HazelcastInstance outsider(String clusterName, List<String> members) {
        int port = freePort();
        List<String> all = new ArrayList<>(members);
        all.add("127.0.0.1:" + port);
        Config config = ClusterWiring.memberConfig(
                all,
                port,
                "outsider",
                "not-the-secret-but-as-long-as-one-0123456789",
                structures(new CallProperties("lobby", 10, 60, Duration.ofHours(24), 10_000)));
        config.setClusterName(clusterName);
        config.setInstanceName("outsider-" + port);
        config.setProperty("hazelcast.logging.type", "none");
        return Hazelcast.newHazelcastInstance(config);
    }

    /** Listens for the members as an outsider would: through the member addresses and the cluster's name. */
    public List<String> addresses() {
        return List.copyOf(addresses);
    }

    public String clusterName() {
        return name + "-" + seal().clusterNameTag();
    }

    public HazelcastInstance member(int index) {
        return members.get(index);
    }

    /** Stops one member at once, as when its process is killed; the others carry on. */
    public void kill(int index) {
        members.get(index).getLifecycleService().terminate();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        members.forEach(member -> member.getLifecycleService().terminate());
    }
}
