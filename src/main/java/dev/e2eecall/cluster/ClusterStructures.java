package dev.e2eecall.cluster;

import com.hazelcast.config.Config;

/**
 * What one module keeps in the cluster (maps, topics) and how the member holds it: bounds, expiry,
 * ring capacity. Each module that shares state declares its own as a bean; the member's
 * configuration takes them all before the member starts, and only when there is a cluster.
 */
@FunctionalInterface
public interface ClusterStructures {

    /** Adds this module's data structure settings to the member's configuration. */
    void addTo(Config member);
}
