package dev.e2eecall.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The address this instance's member port listens on: never every interface. */
final class MemberAddress {

    private MemberAddress() {}

    /**
     * {@code CLUSTER_INTERFACE} when set; else this machine's own entry in {@code CLUSTER_MEMBERS}
     * (the one with this port on an address of this machine); null in Kubernetes, where Hazelcast
     * picks the pod's address and, with binding to any address off, listens on it alone.
     */
    static @Nullable String of(ClusterProperties cluster) {
        if (cluster.bindInterface() != null) {
            return cluster.bindInterface();
        }
        if (cluster.members().isEmpty()) {
            return null;
        }
        Set<String> own = new LinkedHashSet<>();
        for (String entry : cluster.members()) {
            int colon = entry.lastIndexOf(':');
            if (Integer.parseInt(entry.substring(colon + 1)) != cluster.port()) {
                continue;
            }
            try {
                InetAddress address = InetAddress.getByName(entry.substring(0, colon));
                if (address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null) {
                    own.add(address.getHostAddress());
                }
            } catch (UnknownHostException unknown) {
                // another instance's name, perhaps not resolvable yet: not this one's
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (own.size() != 1) {
            throw new IllegalStateException("CLUSTER_MEMBERS names " + (own.isEmpty() ? "no" : "more than one")
                    + " address of this machine with this instance's CLUSTER_PORT: set CLUSTER_INTERFACE to the"
                    + " address the member port should listen on, such as 10.0.0.11 or 10.0.0.*");
        }
        return own.iterator().next();
    }
}
