package dev.e2eecall.dotenv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class DotEnvPostProcessorTest {

    @TempDir
    Path directory;

    private final DotEnvPostProcessor postProcessor = new DotEnvPostProcessor(new DeferredLogs());

    private static StandardEnvironment environmentWithVariables(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return environment;
    }

    @Test
    void dotEnv_givesItsValues_andEnvironmentVariablesWin() throws Exception {
        Files.writeString(directory.resolve(".env"), "export API_KEY='32545611'\nAPI_SECRET=\"from-dotenv\"\n");
        StandardEnvironment environment = environmentWithVariables(Map.of("API_KEY", "654321"));

        postProcessor.read(environment, directory);

        assertThat(environment.getProperty("API_KEY")).isEqualTo("654321");
        assertThat(environment.getProperty("API_SECRET")).isEqualTo("from-dotenv");
    }

    @Test
    void dotEnv_comesRightAfterTheEnvironmentVariables_beforeConfigurationFiles() throws Exception {
        Files.writeString(directory.resolve(".env"), "SERVER_PORT=4000\n");
        StandardEnvironment environment = environmentWithVariables(Map.of());
        environment
                .getPropertySources()
                .addLast(new MapPropertySource("application.properties", Map.of("SERVER_PORT", "1")));

        postProcessor.read(environment, directory);

        assertThat(environment.getProperty("SERVER_PORT")).isEqualTo("4000");
        assertThat(environment
                        .getPropertySources()
                        .precedenceOf(environment.getPropertySources().get("dotenv")))
                .isEqualTo(environment
                                .getPropertySources()
                                .precedenceOf(environment
                                        .getPropertySources()
                                        .get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME))
                        + 1);
    }

    @Test
    void noDotEnv_addsNothing() {
        StandardEnvironment environment = environmentWithVariables(Map.of());

        postProcessor.read(environment, directory);

        assertThat(environment.getPropertySources().contains("dotenv")).isFalse();
    }

    @Test
    void turnedOff_readsNoDotEnv() throws Exception {
        Files.writeString(directory.resolve(".env"), "API_KEY=32545611\n");
        StandardEnvironment environment = environmentWithVariables(Map.of("DOTENV_ENABLED", "false"));

        postProcessor.read(environment, directory);

        assertThat(environment.getProperty("API_KEY")).isNull();
    }
}
