package dev.e2eecall.ui;

import dev.e2eecall.opentok.OpenTokStandIn;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The view tests' video service: the OpenTok REST API's stand-in as a bean, which the app's OpenTok
 * backend is pointed at, and which stops with the application context that all of them share.
 */
@TestConfiguration(proxyBeanMethods = false)
class StandInVideoService {

    static final int API_KEY = 4711;

    @Bean
    OpenTokStandIn openTokStandIn() {
        return new OpenTokStandIn(API_KEY);
    }

    @Bean
    DynamicPropertyRegistrar openTokCredentials(OpenTokStandIn standIn) {
        return registry -> {
            registry.add("opentok.api-key", () -> Integer.toString(API_KEY));
            registry.add("opentok.api-secret", () -> "made-up-secret-for-view-tests-0123456789ab");
            registry.add("opentok.api-url", () -> standIn.url().toString());
        };
    }
}
