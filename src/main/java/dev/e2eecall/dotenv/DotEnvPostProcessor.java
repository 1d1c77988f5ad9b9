package dev.e2eecall.dotenv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;

/**
 * Puts the entries of {@code .env} in the working directory into the environment, right after the
 * environment variables: a variable set in the environment wins over the same one in {@code .env}.
 * Runs before the application's own configuration files are read, so {@code .env} acts as
 * environment variables do. Logs which keys it read, never their values. Setting
 * {@code dotenv.enabled=false} (a system property, or in the environment) turns it off; the tests
 * do, so that a developer's credentials never reach them.
 */
public final class DotEnvPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** The name of the property source holding the entries. */
    public static final String PROPERTY_SOURCE = "dotenv";

    /** {@code false} reads no {@code .env}. */
    public static final String ENABLED = "dotenv.enabled";

    private final Log log;

    DotEnvPostProcessor(DeferredLogFactory logs) {
        this.log = logs.getLog(DotEnvPostProcessor.class);
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER - 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        read(environment, Path.of("").toAbsolutePath());
    }

    void read(ConfigurableEnvironment environment, Path directory) {
        if (!environment.getProperty(ENABLED, Boolean.class, true)) {
            return;
        }
        Path file = directory.resolve(".env");
        if (!Files.exists(file)) {
            return;
        }
        Map<String, Object> entries = new LinkedHashMap<>(DotEnvFile.read(file));
        MutablePropertySources sources = environment.getPropertySources();
        MapPropertySource dotEnv = new MapPropertySource(PROPERTY_SOURCE, entries);
        if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, dotEnv);
        } else {
            sources.addLast(dotEnv);
        }
        log.info(
                entries.isEmpty()
                        ? "Read " + file + ": no entries"
                        : "Read " + String.join(", ", entries.keySet()) + " from " + file);
    }
}
