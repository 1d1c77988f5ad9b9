package dev.e2eecall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterPropertiesTest {

    @Test
    void noMembers_meansAlone() {
        ClusterProperties alone = ConfigurationBinding.bind("cluster", ClusterProperties.class,
                Map.of("cluster.members", "", "cluster.kubernetes-service-dns", " "));

        assertThat(alone.clustered()).isFalse();
        assertThat(alone.port()).isEqualTo(5701);
        assertThat(alone.name()).isEqualTo("e2ee-video-call");
    }

    @Test
    void members_areTrimmed_andMakeACluster() {
        ClusterProperties cluster = ConfigurationBinding.bind("cluster", ClusterProperties.class,
                Map.of("cluster.members", " 10.0.0.11:5701 ,, app-b.internal:5701 "));

        assertThat(cluster.members()).containsExactly("10.0.0.11:5701", "app-b.internal:5701");
        assertThat(cluster.clustered()).isTrue();
    }

    @Test
    void kubernetesService_makesACluster() {
        assertThat(ConfigurationBinding.bind("cluster", ClusterProperties.class,
                Map.of("cluster.kubernetes-service-dns", "app.default.svc.cluster.local")).clustered()).isTrue();
    }

    @Test
    void badValues_areRefusedNamingTheVariable() {
        assertThat(ConfigurationBinding.problems("cluster", ClusterProperties.class,
                Map.of("cluster.members", "10.0.0.11:5701,10.0.0.12")))
                .containsExactly("CLUSTER_MEMBERS holds an entry that is not host:port");
        assertThat(ConfigurationBinding.problems("cluster", ClusterProperties.class, Map.of("cluster.port", "70000")))
                .containsExactly("CLUSTER_PORT must be a port number, 1 to 65535");
        assertThat(ConfigurationBinding.problems("cluster", ClusterProperties.class, Map.of("cluster.name", " ")))
                .containsExactly("CLUSTER_NAME must not be empty");
    }
}
