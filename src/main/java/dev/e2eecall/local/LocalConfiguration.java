package dev.e2eecall.local;

import com.hazelcast.core.HazelcastInstance;
import dev.e2eecall.cluster.ClusterSeal;
import dev.e2eecall.cluster.ClusterStructures;
import dev.e2eecall.join.VideoBackend;
import dev.e2eecall.join.VideoBackendOffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Local calls' own parts: who is in which room (in this instance's memory, or shared through the
 * cluster member when there is one), what that keeps in the cluster, and the local backend, offered
 * always: it carries the calls when no video service is chosen.
 */
@Configuration(proxyBeanMethods = false)
class LocalConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LocalConfiguration.class);

    /** A cluster's rooms are closed (their listeners removed) before the cluster member they use stops. */
    @Bean
    LocalRooms localRooms(
            ObjectProvider<HazelcastInstance> cluster, ObjectProvider<ClusterSeal> seal, LocalProperties local) {
        HazelcastInstance member = cluster.getIfAvailable();
        return member == null
                ? new InProcessLocalRooms(local.maxRooms(), local.placesPerAddress())
                : new ClusterLocalRooms(member, seal.getObject(), local.maxRooms(), local.placesPerAddress());
    }

    /** Each instance's relay topic and its ring, as the cluster member holds them. */
    @Bean
    ClusterStructures localClusterStructures() {
        return ClusterPost::configure;
    }

    @Bean
    VideoBackendOffer localBackendOffer(LocalRooms rooms, LocalProperties local) {
        return new VideoBackendOffer(VideoBackend.Kind.LOCAL, true, () -> {
            log.info("Video backend: local peer-to-peer calls (no Vonage account); "
                    + "set API_KEY and API_SECRET in .env to use the Vonage Video API");
            return new LocalBackend(rooms, local);
        });
    }
}
