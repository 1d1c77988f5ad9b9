package dev.e2eecall.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2eecall.ConfigurationBinding;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterPropertiesTest {

    private static final String SECRET = "a-cluster-secret-for-the-tests-0123456789";

    @Test
    void noMembers_meansAlone() {
        ClusterProperties alone = ConfigurationBinding.bind(
                "cluster",
                ClusterProperties.class,
                Map.of("cluster.members", "", "cluster.kubernetes-service-dns", " "));

        assertThat(alone.clustered()).isFalse();
        assertThat(alone.port()).isEqualTo(5701);
        assertThat(alone.name()).isEqualTo("e2ee-video-call");
    }

    @Test
    void members_areTrimmed_andMakeACluster() {
        ClusterProperties cluster = ConfigurationBinding.bind(
                "cluster",
                ClusterProperties.class,
                Map.of("cluster.members", " 10.0.0.11:5701 ,, app-b.internal:5701 ", "cluster.secret", SECRET));

        assertThat(cluster.members()).containsExactly("10.0.0.11:5701", "app-b.internal:5701");
        assertThat(cluster.clustered()).isTrue();
    }

    @Test
    void kubernetesService_makesACluster() {
        assertThat(ConfigurationBinding.bind(
                                "cluster",
                                ClusterProperties.class,
                                Map.of(
                                        "cluster.kubernetes-service-dns",
                                        "app.default.svc.cluster.local",
                                        "cluster.secret",
                                        SECRET))
                        .clustered())
                .isTrue();
    }

    @Test
    void badValues_areRefusedNamingTheVariable() {
        assertThat(ConfigurationBinding.problems(
                        "cluster",
                        ClusterProperties.class,
                        Map.of("cluster.members", "10.0.0.11:5701,10.0.0.12", "cluster.secret", SECRET)))
                .containsExactly("CLUSTER_MEMBERS holds an entry that is not host:port");
        assertThat(ConfigurationBinding.problems("cluster", ClusterProperties.class, Map.of("cluster.port", "70000")))
                .containsExactly("CLUSTER_PORT must be a port number, 1 to 65535");
        assertThat(ConfigurationBinding.problems("cluster", ClusterProperties.class, Map.of("cluster.name", " ")))
                .containsExactly("CLUSTER_NAME must not be empty");
    }

    @Test
    void clusterWithoutALongEnoughSecret_isRefusedNamingTheVariable_neverTheValue() {
        String expected = "CLUSTER_SECRET must be set, at least 32 characters, when CLUSTER_MEMBERS or "
                + "CLUSTER_KUBERNETES_SERVICE_DNS is set";
        assertThat(ConfigurationBinding.problems(
                        "cluster", ClusterProperties.class, Map.of("cluster.members", "10.0.0.11:5701")))
                .containsExactly(expected);
        assertThat(ConfigurationBinding.problems(
                        "cluster",
                        ClusterProperties.class,
                        Map.of(
                                "cluster.kubernetes-service-dns",
                                "app.default.svc.cluster.local",
                                "cluster.secret",
                                " ")))
                .containsExactly(expected);
        assertThat(ConfigurationBinding.problems(
                        "cluster",
                        ClusterProperties.class,
                        Map.of("cluster.members", "10.0.0.11:5701", "cluster.secret", "too-short-a-secret-0123456789")))
                .containsExactly(expected)
                .noneMatch(problem -> problem.contains("too-short"));
        // alone, no secret is needed
        assertThat(ConfigurationBinding.problems("cluster", ClusterProperties.class, Map.of()))
                .isEmpty();
    }

    @Test
    void secret_isNeverShown_andTheInterfaceIsAnAddress() {
        ClusterProperties cluster = ConfigurationBinding.bind(
                "cluster",
                ClusterProperties.class,
                Map.of(
                        "cluster.members",
                        "10.0.0.11:5701",
                        "cluster.secret",
                        SECRET,
                        "cluster.bind-interface",
                        "10.0.0.*"));

        assertThat(cluster.toString()).doesNotContain(SECRET).contains("secret=***");
        assertThat(cluster.bindInterface()).isEqualTo("10.0.0.*");
        assertThat(ConfigurationBinding.problems(
                        "cluster", ClusterProperties.class, Map.of("cluster.bind-interface", "eth0; rm -rf")))
                .containsExactly("CLUSTER_INTERFACE must be an IP address, or one with * or a range such as 10.0.0.*");
    }
}
