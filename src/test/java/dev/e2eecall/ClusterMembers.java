package dev.e2eecall;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.e2eecall.join.CallProperties;
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
 * cluster name of their own so that tests never join each other), for tests of what the cluster shares.
 */
public final class ClusterMembers implements AutoCloseable {

    private final List<HazelcastInstance> members = new ArrayList<>();

    private ClusterMembers() {
    }

    /** Starts {@code count} members and waits until each sees all the others. */
    public static ClusterMembers start(int count) {
        return start(count, Duration.ofHours(24), 10_000);
    }

    public static ClusterMembers start(int count, Duration roomIdleTimeout, int rememberedRooms) {
        List<Integer> ports = IntStream.range(0, count).mapToObj(i -> freePort()).toList();
        List<String> addresses = ports.stream().map(port -> "127.0.0.1:" + port).toList();
        String name = "test-" + UUID.randomUUID();
        CallProperties call = new CallProperties("lobby", 10, 60, roomIdleTimeout, rememberedRooms);
        ClusterMembers cluster = new ClusterMembers();
        for (int port : ports) {
            var config = new ClusterConfiguration().hazelcastConfig(new ClusterProperties(addresses, port, name, null), call);
            config.setInstanceName(name + "-" + port);
            cluster.members.add(Hazelcast.newHazelcastInstance(config));
        }
        return cluster;
    }

    /**
     * A lite member (one that holds no data) configured as the app configures its members, joining
     * the cluster of the given name through the given members: it sees what the app's instances put
     * in maps and topics. The caller shuts it down.
     */
    public static HazelcastInstance liteMember(String clusterName, List<String> members) {
        CallProperties call = new CallProperties("lobby", 10, 60, Duration.ofHours(24), 10_000);
        var config = new ClusterConfiguration().hazelcastConfig(new ClusterProperties(members, freePort(), clusterName, null), call);
        config.setLiteMember(true);
        // the instances log the cluster's changes already
        config.setProperty("hazelcast.logging.type", "none");
        return Hazelcast.newHazelcastInstance(config);
    }

    public HazelcastInstance member(int index) {
        return members.get(index);
    }

    /** Stops one member at once, as when its process is killed; the others carry on. */
    public void kill(int index) {
        members.get(index).getLifecycleService().terminate();
    }

    private static int freePort() {
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
