package dev.e2eecall.dotenv;

import java.nio.file.Path;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Reads the {@code .env} of a given directory exactly as the app reads its working directory's,
 * for an app a test starts in this JVM as if in a working directory of its own (a JVM has one
 * working directory for all its tests).
 */
public final class DotEnvInDirectory {

    private DotEnvInDirectory() {}

    public static void read(ConfigurableEnvironment environment, Path directory, DeferredLogFactory logs) {
        new DotEnvPostProcessor(logs).read(environment, directory);
    }
}
