package dev.e2eecall.cluster;

import com.hazelcast.config.AdvancedNetworkConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.ServerSocketEndpointConfig;
import com.hazelcast.spi.properties.ClusterProperty;
import java.util.List;
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
 * The cluster member, when cluster members or a Kubernetes service are configured: an embedded
 * Hazelcast member (Spring Boot starts it from the {@link Config} given here) that joins the
 * others, and the keys from {@code CLUSTER_SECRET} that seal what it carries. Alone, there is
 * neither, and the modules that share state keep it in this instance's memory; each module
 * decides that itself, from whether a member exists, and declares the data structures it keeps in
 * the cluster ({@link ClusterStructures}).
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
    Config hazelcastConfig(ClusterProperties cluster, ClusterSeal seal, ObjectProvider<ClusterStructures> structures) {
        return memberConfig(cluster, seal, structures.orderedStream().toList());
    }

    /** The member's settings with the modules' data structures; its own method, so that tests build members alike. */
    static Config memberConfig(ClusterProperties cluster, ClusterSeal seal, List<ClusterStructures> structures) {
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
        structures.forEach(module -> module.addTo(config));
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
