package dev.e2eecall.join;

import com.hazelcast.core.HazelcastInstance;
import dev.e2eecall.cluster.ClusterSeal;
import dev.e2eecall.cluster.ClusterStructures;
import java.time.Duration;

/** Join's parts as its configuration builds them, for tests and benchmarks outside this package. */
public final class JoinWiring {

    private JoinWiring() {}

    /** The room directory of a single instance. */
    public static RoomDirectory inProcessRoomDirectory(Duration idleTimeout, long maxRooms) {
        return new InProcessRoomDirectory(idleTimeout, maxRooms);
    }

    /** The room directory shared through a cluster member. */
    public static RoomDirectory clusterRoomDirectory(HazelcastInstance member, ClusterSeal seal, Duration lockWait) {
        return new ClusterRoomDirectory(member, seal, lockWait);
    }

    /** What join keeps in the cluster, for a member configured as the app configures its own. */
    public static ClusterStructures clusterStructures(CallProperties call) {
        return JoinConfiguration.clusterStructures(call);
    }
}
