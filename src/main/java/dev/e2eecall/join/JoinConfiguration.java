package dev.e2eecall.join;

import com.hazelcast.core.HazelcastInstance;
import dev.e2eecall.cluster.ClusterSeal;
import dev.e2eecall.cluster.ClusterStructures;
import dev.e2eecall.join.limits.JoinRateLimit;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What joins need that instances must agree on: the room directory and the join limits, in this
 * instance's memory, or shared through the cluster member when there is one (sealed with its keys).
 */
@Configuration(proxyBeanMethods = false)
class JoinConfiguration {

    @Bean
    RoomDirectory roomDirectory(
            ObjectProvider<HazelcastInstance> cluster,
            ObjectProvider<ClusterSeal> seal,
            CallProperties call,
            VideoServiceProperties service) {
        HazelcastInstance member = cluster.getIfAvailable();
        // a join waits for another's creation at most as long as that creation may take
        return member == null
                ? new InProcessRoomDirectory(call.roomIdleTimeout(), call.rememberedRooms())
                : new ClusterRoomDirectory(
                        member, seal.getObject(), service.requestTimeout().multipliedBy(2));
    }

    @Bean
    JoinRateLimit joinRateLimit(
            ObjectProvider<HazelcastInstance> cluster,
            ObjectProvider<ClusterSeal> seal,
            CallProperties call,
            Clock clock) {
        HazelcastInstance member = cluster.getIfAvailable();
        return member == null
                ? JoinRateLimit.inProcess(call.joinsPerMinutePerSession(), call.joinsPerMinutePerAddress(), clock)
                : JoinRateLimit.cluster(
                        member,
                        seal.getObject(),
                        call.joinsPerMinutePerSession(),
                        call.joinsPerMinutePerAddress(),
                        clock);
    }

    /** The room directory's map and the join limits' map, as the cluster member holds them. */
    @Bean
    ClusterStructures joinClusterStructures(CallProperties call) {
        return clusterStructures(call);
    }

    static ClusterStructures clusterStructures(CallProperties call) {
        return member -> {
            member.addMapConfig(ClusterRoomDirectory.mapConfig(call.roomIdleTimeout(), call.rememberedRooms()));
            JoinRateLimit.configureCluster(member);
        };
    }
}
