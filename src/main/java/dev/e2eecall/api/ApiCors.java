package dev.e2eecall.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Which web pages may call the API from a browser: only those of {@code API_CORS_ORIGINS}. A
 * request from any other origin is refused with 403 before it reaches the API, so it counts
 * against no limit and creates no session. No cookies or credentials are involved.
 */
@Configuration(proxyBeanMethods = false)
class ApiCors implements WebMvcConfigurer {

    private final ApiProperties properties;

    ApiCors(ApiProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        String[] origins = properties.allowedOrigins().toArray(String[]::new);
        for (String path : new String[] {TicketApi.SAMPLE_SESSION_PATH, "/api/**"}) {
            // an empty list allows no origin at all, rather than falling back to Spring's "*"
            registry.addMapping(path)
                    .allowedOrigins(origins)
                    .allowedMethods("GET", "POST")
                    .allowedHeaders("Content-Type")
                    // a page must be able to read how long to wait after a 429
                    .exposedHeaders("Retry-After")
                    .allowCredentials(false)
                    .maxAge(600);
        }
    }
}
