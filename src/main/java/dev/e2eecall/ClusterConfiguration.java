package dev.e2eecall;

import com.hazelcast.config.AdvancedNetworkConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.ServerSocketEndpointConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.spi.properties.ClusterProperty;
import dev.e2eecall.cluster.ClusterSeal;
import dev.e2eecall.cluster.JavaSerialization;
import dev.e2eecall.join.CallProperties;
import dev.e2eecall.join.ClusterRoomDirectory;
import dev.e2eecall.join.InProcessRoomDirectory;
import dev.e2eecall.join.JoinRateLimit;
import dev.e2eecall.join.RoomDirectory;
import dev.e2eecall.join.VideoServiceProperties;
import dev.e2eecall.local.LocalProperties;
import dev.e2eecall.local.LocalRooms;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Where the state that instances must agree on lives: the room directory, the join limits and the
 * local rooms. Alone, each is kept in this instance's memory; with cluster members configured, an
 * embedded Hazelcast member joins the others (Spring Boot starts it from the {@link Config} given
 * here) and each is shared through it, sealed with keys from {@code CLUSTER_SECRET}. This is the
 * only place that knows which.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClusterConfiguration.class);

    /** The keys derived from {@code CLUSTER_SECRET}; only with a cluster. */
    @Bean
    @Conditional(Clustered.class)
    ClusterSeal clusterSeal(ClusterProperties cluster) {
        return ClusterSeal.of(Objects.requireNonNull(cluster.secret(), "CLUSTER_SECRET is required with a cluster"));
    }

    /** The cluster member's settings; without members or a Kubernetes service, there is no member at all. */
    @Bean
    @Conditional(Clustered.class)
    Config hazelcastConfig(ClusterProperties cluster, CallProperties call, ClusterSeal seal) {
        Config config = new Config();
        // a member without the secret is refused at the join (the name travels in clear: the seal is what protects)
        config.setClusterName(cluster.name() + "-" + seal.clusterNameTag());
        // nothing leaves the cluster: no usage reports to Hazelcast
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        // an instance that stops answering is taken as gone within seconds, and its participants with it
        config.setProperty("hazelcast.heartbeat.interval.seconds", "2");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
        // listen on the one address asked for, never on every interface
        config.setProperty(ClusterProperty.SOCKET_BIND_ANY.getName(), "false");
        config.setProperty(ClusterProperty.SOCKET_SERVER_BIND_ANY.getName(), "false");
        config.getSerializationConfig().setJavaSerializationFilterConfig(JavaSerialization.filter());
        // a member port only: no client protocol, no REST, no memcache on it
        AdvancedNetworkConfig network = config.getAdvancedNetworkConfig().setEnabled(true);
        ServerSocketEndpointConfig member = new ServerSocketEndpointConfig();
        member.setPort(cluster.port()).setPortAutoIncrement(false);
        @Nullable String address = MemberAddress.of(cluster);
        if (address != null) {
            member.getInterfaces().setEnabled(true).addInterface(address);
        }
        network.setMemberEndpointConfig(member);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        if (cluster.kubernetesServiceDns() != null) {
            join.getKubernetesConfig().setEnabled(true).setProperty("service-dns", cluster.kubernetesServiceDns());
        } else {
            join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());
        }
        config.addMapConfig(ClusterRoomDirectory.mapConfig(call.roomIdleTimeout(), call.rememberedRooms()));
        LocalRooms.configureCluster(config);
        JoinRateLimit.configureCluster(config);
        log.info(
                "Cluster: joining {} as member port {} on {} of cluster {}",
                cluster.kubernetesServiceDns() != null
                        ? "the pods of " + cluster.kubernetesServiceDns()
                        : cluster.members(),
                cluster.port(),
                address == null ? "the address Hazelcast picks" : address,
                cluster.name());
        return config;
    }

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

    /** Closed (its listeners removed) before the cluster member it uses stops. */
    @Bean
    LocalRooms localRooms(
            ObjectProvider<HazelcastInstance> cluster, ObjectProvider<ClusterSeal> seal, LocalProperties local) {
        HazelcastInstance member = cluster.getIfAvailable();
        return member == null ? LocalRooms.inProcess(local) : LocalRooms.cluster(member, seal.getObject(), local);
    }

    /** Whether cluster members or a Kubernetes service are configured. */
    static final class Clustered implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            @Nullable
            ClusterProperties cluster = Binder.get(context.getEnvironment())
                    .bind("cluster", ClusterProperties.class)
                    .orElse(null);
            return cluster != null && cluster.clustered();
        }
    }
}
