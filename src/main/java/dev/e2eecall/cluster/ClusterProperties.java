package dev.e2eecall.cluster;

import jakarta.validation.constraints.AssertTrue;
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
 * @param secret                the key to everything the instances share ({@code CLUSTER_SECRET}), at least 32
 *                              characters; required with members. Never logged.
 * @param bindInterface         the address the member port listens on ({@code CLUSTER_INTERFACE}, such as
 *                              {@code 10.0.0.*}); by default this instance's own entry in the members
 */
@ConfigurationProperties("cluster")
@Validated
record ClusterProperties(
        @DefaultValue
        List<
                        @Pattern(
                                regexp = "[A-Za-z0-9.-]{1,253}:[0-9]{1,5}",
                                message = "CLUSTER_MEMBERS holds an entry that is not host:port")
                        String>
                members,

        @DefaultValue("5701")
        @Min(value = 1, message = "CLUSTER_PORT must be a port number, 1 to 65535")
        @Max(value = 65535, message = "CLUSTER_PORT must be a port number, 1 to 65535")
        int port,

        @DefaultValue("e2ee-video-call") @NotBlank(message = "CLUSTER_NAME must not be empty")
        String name,

        @Nullable String kubernetesServiceDns,
        // no field constraints on the secret: a failed field check reports the value
        @Nullable String secret,
        @Nullable String bindInterface) {

    private static final java.util.regex.Pattern INTERFACE = java.util.regex.Pattern.compile("[0-9a-fA-F:.*-]{1,100}");

    ClusterProperties {
        members = members.stream()
                .map(String::strip)
                .filter(member -> !member.isEmpty())
                .toList();
        kubernetesServiceDns =
                kubernetesServiceDns == null || kubernetesServiceDns.isBlank() ? null : kubernetesServiceDns.strip();
        secret = secret == null || secret.isBlank() ? null : secret.strip();
        bindInterface = bindInterface == null || bindInterface.isBlank() ? null : bindInterface.strip();
    }

    /** A cluster without its own secret is open to anyone who reaches its port. */
    @AssertTrue(
            message = "CLUSTER_SECRET must be set, at least " + ClusterSeal.MIN_SECRET_CHARS
                    + " characters, when CLUSTER_MEMBERS or CLUSTER_KUBERNETES_SERVICE_DNS is set")
    boolean isSecretGivenWhenClustered() {
        return !clustered() || (secret != null && secret.length() >= ClusterSeal.MIN_SECRET_CHARS);
    }

    @AssertTrue(message = "CLUSTER_INTERFACE must be an IP address, or one with * or a range such as 10.0.0.*")
    boolean isBindInterfaceAnAddress() {
        return bindInterface == null || INTERFACE.matcher(bindInterface).matches();
    }

    /** Whether this instance is one of several. */
    boolean clustered() {
        return !members.isEmpty() || kubernetesServiceDns != null;
    }

    @Override
    public String toString() {
        return "ClusterProperties[members=" + members + ", port=" + port + ", name=" + name
                + ", kubernetesServiceDns=" + kubernetesServiceDns + ", secret=" + (secret == null ? "not set" : "***")
                + ", bindInterface=" + bindInterface + "]";
    }
}
