package dev.e2eecall.cluster;

import com.hazelcast.config.Config;
import java.util.List;

/** The cluster member's settings as the app builds them, for tests outside this package that start members. */
public final class ClusterWiring {

    private ClusterWiring() {}

    /** A member of the cluster {@code name} on {@code 127.0.0.1:port}, with the modules' data structures. */
    public static Config memberConfig(
            List<String> members, int port, String name, String secret, List<ClusterStructures> structures) {
        return ClusterConfiguration.memberConfig(
                new ClusterProperties(members, port, name, null, secret, null), ClusterSeal.of(secret), structures);
    }
}
