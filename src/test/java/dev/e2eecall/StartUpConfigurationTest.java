package dev.e2eecall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2eecall.join.VideoBackend;
import dev.e2eecall.vonage.PrivateKeys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How the app takes its configuration from {@code .env} and the environment: the whole app
 * ({@link Application}) started in this JVM as its jar starts, with the environment variables and
 * the working directory's {@code .env} of each case ({@link StartUpEnvironment}), without the web
 * server. The log and the failure report never hold a secret. {@code it/ConfigurationIT} starts the
 * packaged jar itself, in both modes.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartUpConfigurationTest {

    @TempDir
    Path workingDirectory;

    /** What a start-up gave: the running app or nothing, and all it wrote and threw. */
    private record StartUp(@Nullable ConfigurableApplicationContext context, String output) implements AutoCloseable {

        /** The backend the app chose; fails with the output when it did not start. */
        Class<?> backend() {
            assertThat(context).as("started:\n" + output).isNotNull();
            return context.getBean(VideoBackend.class).getClass();
        }

        @Override
        public void close() {
            if (context != null) {
                context.close();
            }
        }
    }

    private StartUp start(CapturedOutput output, Map<String, String> variables) {
        int before = output.length();
        Map<String, Object> properties = new HashMap<>();
        properties.put("logging.level.root", "INFO");
        // Vaadin's set-up needs the web server, which these cases do without
        properties.put("spring.autoconfigure.exclude", "com.vaadin.flow.spring.SpringBootAutoConfiguration");
        try {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                    .environment(new StartUpEnvironment(variables, workingDirectory))
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .properties(properties)
                    .run();
            return new StartUp(context, output.toString().substring(before));
        } catch (RuntimeException failure) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            return new StartUp(null, output.toString().substring(before) + "\n" + trace);
        }
    }

    /** Starts the app, expecting it to refuse; returns what it wrote and threw. */
    private String refusal(CapturedOutput output, Map<String, String> variables) {
        try (StartUp startUp = start(output, variables)) {
            assertThat(startUp.context()).as("started:\n" + startUp.output()).isNull();
            return startUp.output();
        }
    }

    private void dotEnv(String content) throws Exception {
        Files.writeString(workingDirectory.resolve(".env"), content);
    }

    @Test
    void dotEnvInWorkingDirectory_isPickedUp(CapturedOutput output) throws Exception {
        dotEnv("""
                API_KEY=123456
                API_SECRET=made-up-secret-from-dotenv-0123456789abcd
                OPENTOK_API_URL=http://127.0.0.1:9
                """);
        try (StartUp app = start(output, Map.of())) {
            assertThat(app.backend().getSimpleName()).isEqualTo("OpenTokBackend");
            assertThat(app.output())
                    .contains("Vonage Video API at http://127.0.0.1:9, project 123456")
                    .doesNotContain("made-up-secret-from-dotenv-0123456789abcd");
        }
    }

    @Test
    void originalSamplesDotEnv_singleQuotedValues_areRead(CapturedOutput output) throws Exception {
        // the lines the OpenTok sample's README tells people to write, with a made-up secret
        dotEnv("""
                API_KEY='32545611'
                API_SECRET='made-up-sample-secret-0123456789abcdef0123'
                OPENTOK_API_URL='http://127.0.0.1:9'
                """);
        try (StartUp app = start(output, Map.of())) {
            assertThat(app.backend().getSimpleName()).isEqualTo("OpenTokBackend");
            assertThat(app.output())
                    .contains("Vonage Video API at http://127.0.0.1:9, project 32545611")
                    .contains("Read API_KEY, API_SECRET, OPENTOK_API_URL from " + workingDirectory.resolve(".env"))
                    .doesNotContain("made-up-sample-secret")
                    .doesNotContain("0123456789abcdef0123");
        }
    }

    @Test
    void dotEnvWithExportDoubleQuotesAndComments_isRead(CapturedOutput output) throws Exception {
        dotEnv("""
                # the project's credentials
                export API_KEY="123456"   # the project's API key
                export API_SECRET="made-up-exported-secret-0123456789abcdef"
                OPENTOK_API_URL=http://127.0.0.1:9 # a local address nothing answers on
                """);
        try (StartUp app = start(output, Map.of())) {
            assertThat(app.backend().getSimpleName()).isEqualTo("OpenTokBackend");
            assertThat(app.output())
                    .contains("Vonage Video API at http://127.0.0.1:9, project 123456")
                    .doesNotContain("made-up-exported-secret");
        }
    }

    @Test
    void multiLinePrivateKeyInDotEnv_startsWithApplicationCredentials(CapturedOutput output) throws Exception {
        String applicationId = UUID.randomUUID().toString();
        String pem = PrivateKeys.rsaPem();
        dotEnv("VONAGE_APPLICATION_ID=" + applicationId + "\nVONAGE_PRIVATE_KEY=\"" + pem.strip()
                + "\"\nVONAGE_VIDEO_API_URL=http://127.0.0.1:9\n");
        try (StartUp app = start(output, Map.of())) {
            assertThat(app.backend().getSimpleName()).isEqualTo("VonageBackend");
            assertThat(app.output()).contains("Vonage Video API at http://127.0.0.1:9, application " + applicationId);
            assertThat(SecretLeaks.partsIn(app.output(), pem))
                    .as("parts of the key in the log")
                    .isEmpty();
        }
    }

    @Test
    void environment_overridesDotEnv(CapturedOutput output) throws Exception {
        dotEnv("""
                API_KEY=123456
                API_SECRET=made-up-secret-from-dotenv-0123456789abcd
                OPENTOK_API_URL=http://127.0.0.1:9
                """);
        try (StartUp app = start(output, Map.of("API_KEY", "654321"))) {
            assertThat(app.backend().getSimpleName()).isEqualTo("OpenTokBackend");
            assertThat(app.output()).contains("project 654321").doesNotContain("project 123456");
        }
    }

    @Test
    void onlyApiKeySet_startUpFailsNamingApiSecret(CapturedOutput output) {
        assertThat(refusal(output, Map.of("API_KEY", "123456"))).contains("API_SECRET is not set");
    }

    @Test
    void onlyApiSecretSet_startUpFailsNamingApiKey(CapturedOutput output) throws Exception {
        dotEnv("API_SECRET=made-up-secret-alone-0123456789abcdefghij\n");

        assertThat(refusal(output, Map.of()))
                .contains("API_KEY is not set")
                .doesNotContain("made-up-secret-alone-0123456789abcdefghij");
    }

    @Test
    void bothKindsOfCredentials_startUpFailsSayingToRemoveOnePair(CapturedOutput output) throws Exception {
        // a readable key: a key that cannot be read is refused before the pairs are compared
        Path key = Files.writeString(workingDirectory.resolve("private.key"), PrivateKeys.rsaPem());
        String refusal = refusal(
                output,
                Map.of(
                        "API_KEY", "123456",
                        "API_SECRET", "made-up-secret-both-kinds-0123456789abcdef",
                        "VONAGE_APPLICATION_ID", "0b0b0b0b-1111-2222-3333-444444444444",
                        "VONAGE_PRIVATE_KEY", key.toString()));

        assertThat(refusal).contains("remove one pair").doesNotContain("made-up-secret-both-kinds");
    }

    @Test
    void privateKeyCutShortInDotEnv_startUpFailsWithoutShowingIt(CapturedOutput output) throws Exception {
        String pem = PrivateKeys.rsaPem();
        String cutShort = pem.substring(0, pem.length() / 2);
        dotEnv("VONAGE_APPLICATION_ID=" + UUID.randomUUID() + "\nVONAGE_PRIVATE_KEY=\"" + cutShort + "\"\n");

        String refusal = refusal(output, Map.of());

        assertThat(refusal).contains("VONAGE_PRIVATE_KEY is a PEM private key that is cut short");
        assertThat(SecretLeaks.partsIn(refusal, pem))
                .as("parts of the key in the log")
                .isEmpty();
    }

    @Test
    void base64OfAPublicKey_startUpFailsWithoutShowingIt(CapturedOutput output) throws Exception {
        String publicKey =
                PrivateKeys.pem("PUBLIC KEY", PrivateKeys.rsa().getPublic().getEncoded());
        String base64 = Base64.getEncoder().encodeToString(publicKey.getBytes(StandardCharsets.US_ASCII));

        String refusal = refusal(
                output, Map.of("VONAGE_APPLICATION_ID", UUID.randomUUID().toString(), "VONAGE_PRIVATE_KEY", base64));

        assertThat(refusal).contains("VONAGE_PRIVATE_KEY (base64 of a PEM) is a public key");
        assertThat(SecretLeaks.partsIn(refusal, base64))
                .as("parts of the value in the log")
                .isEmpty();
        assertThat(SecretLeaks.partsIn(refusal, publicKey))
                .as("parts of the key in the log")
                .isEmpty();
    }

    @Test
    void apiSecretWithASpace_startUpFailsWithoutShowingIt(CapturedOutput output) {
        String secret = "made-up-secret-with a-space-0123456789abcdef";

        String refusal = refusal(output, Map.of("API_KEY", "123456", "API_SECRET", secret));

        assertThat(refusal).contains("API_SECRET holds spaces, line breaks or other characters");
        assertThat(SecretLeaks.partsIn(refusal, secret))
                .as("parts of the secret in the log")
                .isEmpty();
    }

    @Test
    void privateKeyAsBase64OrRelativePath_startsWithApplicationCredentials(CapturedOutput output) throws Exception {
        String pem = PrivateKeys.rsaPem();
        String base64 = Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
        String applicationId = UUID.randomUUID().toString();
        Map<String, String> vonage =
                Map.of("VONAGE_APPLICATION_ID", applicationId, "VONAGE_VIDEO_API_URL", "http://127.0.0.1:9");
        Map<String, String> asBase64 = new HashMap<>(vonage);
        asBase64.put("VONAGE_PRIVATE_KEY", base64);
        try (StartUp app = start(output, asBase64)) {
            assertThat(app.backend().getSimpleName()).isEqualTo("VonageBackend");
            assertThat(app.output()).contains("application " + applicationId);
            assertThat(SecretLeaks.partsIn(app.output(), base64))
                    .as("parts of the value in the log")
                    .isEmpty();
        }

        // a relative path is taken from the process's working directory, as in the jar: here the test JVM's
        Path file = Files.writeString(workingDirectory.resolve("private.key"), pem);
        Map<String, String> asRelativePath = new HashMap<>(vonage);
        asRelativePath.put(
                "VONAGE_PRIVATE_KEY",
                Path.of("").toAbsolutePath().relativize(file).toString());
        try (StartUp app = start(output, asRelativePath)) {
            assertThat(app.backend().getSimpleName()).isEqualTo("VonageBackend");
            assertThat(app.output()).contains("application " + applicationId);
            assertThat(SecretLeaks.partsIn(app.output(), pem))
                    .as("parts of the key in the log")
                    .isEmpty();
        }
    }
}
