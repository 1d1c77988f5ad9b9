package dev.e2eecall.local;

import dev.e2eecall.cluster.ClusterStructures;

/** Local calls' parts as their configuration builds them, for tests outside this package. */
public final class LocalWiring {

    private LocalWiring() {}

    /** What local calls keep in the cluster, for a member configured as the app configures its own. */
    public static ClusterStructures clusterStructures() {
        return new LocalConfiguration().localClusterStructures();
    }
}
