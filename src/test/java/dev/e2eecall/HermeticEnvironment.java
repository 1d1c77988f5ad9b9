package dev.e2eecall;

import dev.e2eecall.dotenv.DotEnvInDirectory;
import dev.e2eecall.dotenv.DotEnvPostProcessor;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * On the test class path (registered in the tests' {@code META-INF/spring.factories}), every Spring
 * application, so every {@code @SpringBootTest}, sees none of the environment variables it was
 * started with and reads no {@code .env}: a developer's credentials or {@code VIDEO_BACKEND} must
 * not create real Vonage sessions or switch local-mode tests to another backend. The video settings
 * are then the defaults of {@code application.properties} (no credentials) unless a test sets them.
 * An app started with a {@link StartUpEnvironment} gets that environment's variables and the
 * {@code .env} of its working directory instead, as the packaged jar would in that directory with
 * those variables. The packaged jar and {@code spring-boot:run} do not have this class.
 */
public final class HermeticEnvironment implements EnvironmentPostProcessor, Ordered {

    /** {@code -De2eecall.hermetic=off} lets the environment through, for the test that proves this class matters. */
    static final String SWITCH = "e2eecall.hermetic";

    private final DeferredLogFactory logs;

    HermeticEnvironment(DeferredLogFactory logs) {
        this.logs = logs;
    }

    @Override
    public int getOrder() {
        // after Spring Boot has set up the environment variables, before .env and the configuration files are read
        return ConfigDataEnvironmentPostProcessor.ORDER - 2;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if ("off".equals(System.getProperty(SWITCH))) {
            return;
        }
        if (environment instanceof StartUpEnvironment startUp) {
            DotEnvInDirectory.read(environment, startUp.workingDirectory(), logs);
        } else {
            environment
                    .getPropertySources()
                    .replace(
                            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            new SystemEnvironmentPropertySource(
                                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of()));
        }
        // the JVM's own working directory is never read: a developer's .env stays out
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("hermeticTests", Map.of(DotEnvPostProcessor.ENABLED, "false")));
    }
}
