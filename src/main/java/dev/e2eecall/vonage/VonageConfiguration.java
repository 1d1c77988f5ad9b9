package dev.e2eecall.vonage;

import dev.e2eecall.join.RoomDirectory;
import dev.e2eecall.join.VideoBackend;
import dev.e2eecall.join.VideoBackendOffer;
import dev.e2eecall.join.VideoServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Offers the backend on a Vonage application's id and private key, which carries the calls when those are set. */
@Configuration(proxyBeanMethods = false)
class VonageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(VonageConfiguration.class);

    /** @param rooms where each room's session is kept, in this instance or in the cluster */
    @Bean
    VideoBackendOffer vonageBackendOffer(VonageProperties vonage, VideoServiceProperties service, RoomDirectory rooms) {
        return new VideoBackendOffer(VideoBackend.Kind.VONAGE_APPLICATION, vonage.configured(), () -> {
            log.info("Video backend: Vonage Video API at {}, application {}", vonage.apiUrl(), vonage.applicationId());
            return new VonageBackend(vonage, service, rooms);
        });
    }
}
