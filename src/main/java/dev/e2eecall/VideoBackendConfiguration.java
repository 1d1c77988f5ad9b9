package dev.e2eecall;

import dev.e2eecall.join.RoomDirectory;
import dev.e2eecall.join.VideoBackend;
import dev.e2eecall.join.VideoServiceProperties;
import dev.e2eecall.local.LocalBackend;
import dev.e2eecall.local.LocalProperties;
import dev.e2eecall.local.LocalRooms;
import dev.e2eecall.opentok.OpenTokBackend;
import dev.e2eecall.opentok.OpenTokProperties;
import dev.e2eecall.vonage.VonageBackend;
import dev.e2eecall.vonage.VonageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Picks what carries the calls, once, at start-up, from the credentials present: an OpenTok API
 * key and secret, or a Vonage application id and private key, or neither for local calls. That
 * only one pair may be set is checked here: it is a rule across two configuration records.
 */
@Configuration(proxyBeanMethods = false)
class VideoBackendConfiguration {

    private static final Logger log = LoggerFactory.getLogger(VideoBackendConfiguration.class);

    /** A backend's close() is found and called by Spring: it stops the SDK's HTTP client. */
    @Bean
    VideoBackend videoBackend(
            VideoProperties video,
            OpenTokProperties openTok,
            VonageProperties vonage,
            VideoServiceProperties service,
            RoomDirectory directory,
            LocalRooms rooms,
            LocalProperties local) {
        if (openTok.configured() && vonage.configured()) {
            throw new IllegalStateException("Both API_KEY/API_SECRET and VONAGE_APPLICATION_ID/VONAGE_PRIVATE_KEY are "
                    + "set: remove one pair (new Vonage accounts use the application id and private key)");
        }
        boolean hasCredentials = openTok.configured() || vonage.configured();
        if (video.backend() == VideoProperties.Backend.OPENTOK && !hasCredentials) {
            throw new IllegalStateException(
                    "VIDEO_BACKEND=opentok needs API_KEY and API_SECRET, or VONAGE_APPLICATION_ID and VONAGE_PRIVATE_KEY");
        }
        if (video.backend() != VideoProperties.Backend.LOCAL && openTok.configured()) {
            log.info("Video backend: Vonage Video API at {}, project {}", openTok.apiUrl(), openTok.apiKey());
            return new OpenTokBackend(openTok, service, directory);
        }
        if (video.backend() != VideoProperties.Backend.LOCAL && vonage.configured()) {
            log.info("Video backend: Vonage Video API at {}, application {}", vonage.apiUrl(), vonage.applicationId());
            return new VonageBackend(vonage, service, directory);
        }
        log.info("Video backend: local peer-to-peer calls (no Vonage account); "
                + "set API_KEY and API_SECRET in .env to use the Vonage Video API");
        return new LocalBackend(rooms, local);
    }
}
