package dev.e2eecall;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How instances of this app find each other, checked at start-up. With neither members nor a
 * Kubernetes service the app runs alone and keeps everything in its own memory.
 *
 * @param members               the cluster's members as {@code host:port} ({@code CLUSTER_MEMBERS}, comma-separated)
 * @param port                  this instance's member port ({@code CLUSTER_PORT}, 5701 by default)
 * @param name                  the cluster's name ({@code CLUSTER_NAME}): two deployments with different names never merge
 * @param kubernetesServiceDns  a headless service's DNS name ({@code CLUSTER_KUBERNETES_SERVICE_DNS}) whose
 *                              pods are the members, instead of a fixed list
 */
@ConfigurationProperties("cluster")
@Validated
record ClusterProperties(
        @DefaultValue List<@Pattern(regexp = "[A-Za-z0-9.-]{1,253}:[0-9]{1,5}",
                message = "CLUSTER_MEMBERS holds an entry that is not host:port") String> members,
        @DefaultValue("5701") @Min(value = 1, message = "CLUSTER_PORT must be a port number, 1 to 65535")
        @Max(value = 65535, message = "CLUSTER_PORT must be a port number, 1 to 65535") int port,
        @DefaultValue("e2ee-video-call") @NotBlank(message = "CLUSTER_NAME must not be empty") String name,
        @Nullable String kubernetesServiceDns) {

    ClusterProperties {
        members = members.stream().map(String::strip).filter(member -> !member.isEmpty()).toList();
        kubernetesServiceDns = kubernetesServiceDns == null || kubernetesServiceDns.isBlank()
                ? null : kubernetesServiceDns.strip();
    }

    /** Whether this instance is one of several. */
    boolean clustered() {
        return !members.isEmpty() || kubernetesServiceDns != null;
    }
}
