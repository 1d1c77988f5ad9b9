package dev.e2eecall.opentok;

import dev.e2eecall.join.RoomDirectory;
import dev.e2eecall.join.VideoBackend;
import dev.e2eecall.join.VideoBackendOffer;
import dev.e2eecall.join.VideoServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Offers the backend on an OpenTok project's API key and secret, which carries the calls when those are set. */
@Configuration(proxyBeanMethods = false)
class OpenTokConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OpenTokConfiguration.class);

    /** @param rooms where each room's session is kept, in this instance or in the cluster */
    @Bean
    VideoBackendOffer openTokBackendOffer(
            OpenTokProperties openTok, VideoServiceProperties service, RoomDirectory rooms) {
        return new VideoBackendOffer(VideoBackend.Kind.OPENTOK_PROJECT, openTok.configured(), () -> {
            log.info("Video backend: Vonage Video API at {}, project {}", openTok.apiUrl(), openTok.apiKey());
            return new OpenTokBackend(openTok, service, rooms);
        });
    }
}
