package dev.e2eecall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2eecall.join.VideoBackend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestContextManager;

/**
 * A {@code @SpringBootTest} started in a working directory whose {@code .env} holds Vonage
 * application credentials, with OpenTok credentials in its environment variables, as on a
 * developer's machine: it still runs in local mode. Each run is a JVM of its own, since a JVM's
 * working directory and environment are fixed when it starts. Without {@link HermeticEnvironment}
 * (second test) the same set-up fails to start because it finds both kinds of credentials.
 */
class HermeticEnvironmentTest {

    private static final String APPLICATION_ID = "0b0b0b0b-1111-2222-3333-444444444444";
    private static final String API_SECRET = "made-up-secret-in-the-environment-0123456789";

    @TempDir
    Path workingDirectory;

    @BeforeEach
    void credentialsInDotEnv() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----";
        Files.writeString(
                workingDirectory.resolve(".env"),
                "VONAGE_APPLICATION_ID=" + APPLICATION_ID + "\nVONAGE_PRIVATE_KEY=\"" + pem
                        + "\"\nVONAGE_VIDEO_API_URL=http://127.0.0.1:9\n");
    }

    @Test
    void dotEnvAndEnvironmentCredentials_doNotReachASpringBootTest() throws Exception {
        String output = runSpringBootTest(true);

        assertThat(output).contains("backend: LocalBackend").doesNotContain(API_SECRET);
    }

    @Test
    void withoutTheHermeticEnvironment_theSameCredentialsReachIt() throws Exception {
        String output = runSpringBootTest(false);

        // both pairs arrived: the OpenTok one from the environment, the Vonage one from .env
        assertThat(output).contains("remove one pair").doesNotContain("backend: ");
    }

    private String runSpringBootTest(boolean hermetic) throws IOException, InterruptedException {
        Path output = workingDirectory.resolve("output.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        if (!hermetic) {
            command.add("-D" + HermeticEnvironment.SWITCH + "=off");
        }
        command.add(Probe.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().clear();
        builder.environment().put("API_KEY", "123456");
        builder.environment().put("API_SECRET", API_SECRET);
        builder.environment().put("OPENTOK_API_URL", "http://127.0.0.1:9");
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("The Spring Boot test did not end:\n" + Files.readString(output));
        }
        return Files.readString(output);
    }

    /** Loads the application context as a {@code @SpringBootTest} does and says which backend it got. */
    static final class Probe {

        @SpringBootTest
        static final class ProbeTest {}

        public static void main(String[] args) throws Exception {
            var context =
                    new TestContextManager(ProbeTest.class).getTestContext().getApplicationContext();
            System.out.println(
                    "backend: " + context.getBean(VideoBackend.class).getClass().getSimpleName());
            System.exit(0);
        }
    }
}
