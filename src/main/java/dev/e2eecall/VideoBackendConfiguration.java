package dev.e2eecall;

import dev.e2eecall.join.VideoBackend;
import dev.e2eecall.local.LocalBackend;
import dev.e2eecall.local.LocalProperties;
import dev.e2eecall.local.LocalRooms;
import dev.e2eecall.opentok.OpenTokBackend;
import dev.e2eecall.opentok.OpenTokProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks what carries the calls, once, at start-up: the Vonage Video API when configured, else local calls. */
@Configuration(proxyBeanMethods = false)
class VideoBackendConfiguration {

    private static final Logger log = LoggerFactory.getLogger(VideoBackendConfiguration.class);

    /** The OpenTok backend's close() is found and called by Spring: it stops the SDK's HTTP client. */
    @Bean
    VideoBackend videoBackend(VideoProperties video, OpenTokProperties openTok, LocalRooms rooms, LocalProperties local) {
        boolean useOpenTok = switch (video.backend()) {
            case AUTO -> openTok.configured();
            case OPENTOK -> {
                if (!openTok.configured()) {
                    throw new IllegalStateException("VIDEO_BACKEND=opentok needs API_KEY and API_SECRET");
                }
                yield true;
            }
            case LOCAL -> false;
        };
        if (useOpenTok) {
            log.info("Video backend: Vonage Video API at {}, project {}", openTok.apiUrl(), openTok.apiKey());
            return new OpenTokBackend(openTok);
        }
        log.info("Video backend: local peer-to-peer calls (no Vonage account); "
                + "set API_KEY and API_SECRET in .env to use the Vonage Video API");
        return new LocalBackend(rooms, local);
    }
}
