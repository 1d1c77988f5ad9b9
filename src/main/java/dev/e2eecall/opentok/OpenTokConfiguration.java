package dev.e2eecall.opentok;

import dev.e2eecall.join.VideoBackend;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenTokConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OpenTokConfiguration.class);

    @Bean(destroyMethod = "close")
    VideoBackend videoBackend(OpenTokProperties properties) {
        if (properties.configured()) {
            log.info("Video backend: Vonage Video API at {}, project {}", properties.apiUrl(), properties.apiKey());
            return new OpenTokBackend(properties, Clock.systemUTC());
        }
        log.info("Video backend: none configured; set API_KEY and API_SECRET in .env to use the Vonage Video API");
        return new UnconfiguredBackend();
    }
}
