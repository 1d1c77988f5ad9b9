package dev.e2eecall;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The environment variables and the working directory of an app a test starts in this JVM, in
 * place of the JVM's own: what the packaged jar gets from its process. {@link HermeticEnvironment}
 * lets these variables through and reads the {@code .env} of this working directory, as the jar
 * reads its own.
 */
public final class StartUpEnvironment extends StandardEnvironment {

    private final Path workingDirectory;

    public StartUpEnvironment(Map<String, String> variables, Path workingDirectory) {
        this.workingDirectory = workingDirectory;
        getPropertySources()
                .replace(
                        SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<String, Object>(variables)));
    }

    Path workingDirectory() {
        return workingDirectory;
    }
}
