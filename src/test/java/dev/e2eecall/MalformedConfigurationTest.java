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
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * Start-up with each malformed form of the two secrets people write, through Spring Boot as the app
 * starts (its configuration files, binding, checks and failure report): start-up fails with a
 * message naming the variable, and neither the log nor the failure holds the secret or any 16
 * characters of it. The accepted forms start the backend they configure.
 */
@ExtendWith(OutputCaptureExtension.class)
class MalformedConfigurationTest {

    private static final String APPLICATION_ID = "0b0b0b0b-1111-2222-3333-444444444444";
    private static final String SECRET = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";

    @TempDir
    Path directory;

    /**
     * The configuration records, and the configuration of each module that takes part in the backend
     * choice (the backends, the rooms, the cluster), as the app finds them; without the web UI.
     */
    @Configuration(proxyBeanMethods = false)
    @ConfigurationPropertiesScan("dev.e2eecall")
    @ComponentScan(
            basePackages = "dev.e2eecall",
            useDefaultFilters = false,
            includeFilters =
                    @ComponentScan.Filter(
                            type = FilterType.REGEX,
                            pattern =
                                    "dev\\.e2eecall\\.(cluster|join|local|opentok|vonage)\\.\\w+(Configuration|Choice)"))
    @Import(ClockConfiguration.class)
    static class Backends {}

    /** What a start-up gave: the running app or why it failed, and all it wrote and threw. */
    private record StartUp(@Nullable ConfigurableApplicationContext context, String report) {}

    private StartUp start(CapturedOutput output, Map<String, String> variables) {
        int before = output.length();
        Map<String, Object> properties = new HashMap<>(variables);
        properties.put("logging.level.root", "INFO");
        try {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(Backends.class)
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

    private void assertRefused(
            CapturedOutput output, String name, Map<String, String> variables, String message, String secret) {
        StartUp startUp = start(output, variables);
        if (startUp.context() != null) {
            startUp.context().close();
        }
        assertThat(startUp.context()).as(name + ": started").isNull();
        assertThat(startUp.report()).as(name).contains(message);
        assertThat(SecretLeaks.partsIn(startUp.report(), secret))
                .as(name + ": parts of the secret in the log")
                .isEmpty();
    }

    private void assertStarts(
            CapturedOutput output,
            String name,
            Map<String, String> variables,
            VideoBackend.Kind backend,
            String secret) {
        StartUp startUp = start(output, variables);
        assertThat(startUp.context()).as(name + ":\n" + startUp.report()).isNotNull();
        try (ConfigurableApplicationContext context = startUp.context()) {
            assertThat(context.getBean(VideoBackend.class).kind()).as(name).isEqualTo(backend);
        }
        assertThat(SecretLeaks.partsIn(startUp.report(), secret))
                .as(name + ": parts of the secret in the log")
                .isEmpty();
    }

    private static Map<String, String> openTok(String secret) {
        return Map.of("API_KEY", "123456", "API_SECRET", secret, "OPENTOK_API_URL", "http://127.0.0.1:9");
    }

    private static Map<String, String> vonage(String privateKey) {
        return Map.of(
                "VONAGE_APPLICATION_ID",
                APPLICATION_ID,
                "VONAGE_PRIVATE_KEY",
                privateKey,
                "VONAGE_VIDEO_API_URL",
                "http://127.0.0.1:9");
    }

    @Test
    void malformedApiSecrets_failStartUp_withoutShowingThem(CapturedOutput output) throws Exception {
        String pem = PrivateKeys.rsaPem();
        record Case(String name, Map<String, String> variables, String message, String secret) {}
        List<Case> cases = List.of(
                new Case("too short", openTok("short-secret"), "API_SECRET is too short", "short-secret"),
                new Case("too short, in quotes", openTok("'0a1b2c3d4e5f'"), "API_SECRET is too short", "0a1b2c3d4e5f"),
                new Case("the API key by mistake", openTok("32545611"), "API_SECRET is too short", "32545611"),
                new Case(
                        "a space inside",
                        openTok("0a1b2c3d4e5f6071 8293a4b5c6d7e8f901234567"),
                        "API_SECRET holds spaces, line breaks or other characters",
                        SECRET),
                new Case(
                        "a line break inside",
                        openTok("0a1b2c3d4e5f60718293\na4b5c6d7e8f901234567"),
                        "API_SECRET holds spaces, line breaks",
                        SECRET),
                new Case(
                        "a tab inside",
                        openTok("0a1b2c3d4e5f60718293\ta4b5c6d7e8f901234567"),
                        "API_SECRET holds spaces, line breaks",
                        SECRET),
                new Case(
                        "a letter outside ASCII",
                        openTok("0a1b2c3d4e5f6071é8293a4b5c6d7e8f901234567"),
                        "API_SECRET holds spaces, line breaks",
                        "0a1b2c3d4e5f6071é8293a4b5c6d7e8f901234567"),
                new Case("a private key pasted", openTok(pem), "API_SECRET holds a PEM key", pem),
                new Case(
                        "only the secret",
                        Map.of("API_SECRET", SECRET),
                        "API_KEY is not set, but API_SECRET is",
                        SECRET),
                new Case(
                        "both kinds of credentials",
                        Map.of(
                                "API_KEY",
                                "123456",
                                "API_SECRET",
                                SECRET,
                                "VONAGE_APPLICATION_ID",
                                APPLICATION_ID,
                                "VONAGE_PRIVATE_KEY",
                                pem),
                        "remove one pair",
                        SECRET),
                new Case(
                        "both kinds of credentials (the key)",
                        Map.of(
                                "API_KEY",
                                "123456",
                                "API_SECRET",
                                SECRET,
                                "VONAGE_APPLICATION_ID",
                                APPLICATION_ID,
                                "VONAGE_PRIVATE_KEY",
                                pem),
                        "remove one pair",
                        pem));
        for (Case c : cases) {
            assertRefused(output, c.name(), c.variables(), c.message(), c.secret());
        }
        assertStarts(
                output, "in double quotes", openTok("\"" + SECRET + "\""), VideoBackend.Kind.OPENTOK_PROJECT, SECRET);
    }

    @Test
    void malformedPrivateKeys_failStartUp_withoutShowingThem(CapturedOutput output) throws Exception {
        String pem = PrivateKeys.rsaPem();
        String body = PrivateKeys.body(pem);
        var keys = PrivateKeys.rsa();
        String publicKey = PrivateKeys.pem("PUBLIC KEY", keys.getPublic().getEncoded());
        String cutShort = pem.substring(0, pem.length() / 2);
        String base64OfCutShort = Base64.getEncoder().encodeToString(cutShort.getBytes(StandardCharsets.US_ASCII));
        String base64OfPublicKey = Base64.getEncoder().encodeToString(publicKey.getBytes(StandardCharsets.US_ASCII));
        String damaged = pem.replace(body.substring(70, 110), "!".repeat(40));
        Path file = Files.writeString(directory.resolve("private.key"), pem);
        record Case(String name, String value, String message, String secret) {}
        List<Case> cases = List.of(
                new Case("PEM cut short", cutShort, "VONAGE_PRIVATE_KEY is a PEM private key that is cut short", pem),
                new Case("PEM cut short, in quotes", "\"" + cutShort + "\"", "cut short", pem),
                new Case("first line only", "\"-----BEGIN PRIVATE KEY-----", "cut short", pem),
                new Case(
                        "damaged content",
                        damaged,
                        "VONAGE_PRIVATE_KEY is a PEM private key whose content is damaged",
                        pem),
                new Case("base64 of a PEM cut short", base64OfCutShort, "cut short", base64OfCutShort),
                new Case("base64 of a public key", base64OfPublicKey, "is a public key", base64OfPublicKey),
                new Case(
                        "base64 of garbage",
                        Base64.getEncoder()
                                .encodeToString(body.substring(0, 300).getBytes(StandardCharsets.US_ASCII)),
                        "VONAGE_PRIVATE_KEY is neither a PEM private key",
                        body),
                new Case(
                        "the key's content without a line break",
                        body.substring(0, body.length() - 8),
                        "damaged or cut short",
                        body),
                new Case(
                        "path that does not exist",
                        "/nonexistent/" + body.substring(0, 20) + ".key",
                        "is neither a PEM private key, nor base64 of one, nor the path of an existing file",
                        body),
                new Case("directory", directory.toString(), "names a directory", pem),
                new Case("public key", publicKey, "is a public key", publicKey),
                new Case(
                        "EC key",
                        PrivateKeys.pem("EC PRIVATE KEY", body.getBytes(StandardCharsets.US_ASCII)),
                        "is an EC key",
                        body),
                new Case("the API secret by mistake", SECRET, "is neither a PEM private key", SECRET));
        for (Case c : cases) {
            assertRefused(output, c.name(), vonage(c.value()), c.message(), c.secret());
        }
        assertStarts(output, "PEM", vonage(pem), VideoBackend.Kind.VONAGE_APPLICATION, pem);
        assertStarts(
                output, "PEM on one line", vonage(pem.replace("\n", "\\n")), VideoBackend.Kind.VONAGE_APPLICATION, pem);
        assertStarts(
                output,
                "base64 of the PEM",
                vonage(Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII))),
                VideoBackend.Kind.VONAGE_APPLICATION,
                pem);
        assertStarts(output, "path", vonage(file.toString()), VideoBackend.Kind.VONAGE_APPLICATION, pem);
    }

    @Test
    void requestTimeoutOfZero_failsStartUpForEitherBackend(CapturedOutput output) throws Exception {
        Map<String, String> openTok = new HashMap<>(openTok(SECRET));
        openTok.put("OPENTOK_REQUEST_TIMEOUT", "0s");
        Map<String, String> vonage = new HashMap<>(vonage(PrivateKeys.rsaPem()));
        vonage.put("OPENTOK_REQUEST_TIMEOUT", "0s");

        assertRefused(output, "OpenTok", openTok, "OPENTOK_REQUEST_TIMEOUT must be more than 0", SECRET);
        assertRefused(output, "Vonage", vonage, "OPENTOK_REQUEST_TIMEOUT must be more than 0", SECRET);
    }

    @Test
    void turnSettingsThatCannotWork_failStartUp_withoutShowingTheSecretOrCredential(CapturedOutput output) {
        String turnSecret = "relay-secret-0123456789abcdefghij";
        String password = "relay-password-0123456789abcdefgh";
        String turn = "turn:turn.example.org:3478";
        assertRefused(
                output,
                "secret without a TURN server",
                Map.of("LOCAL_ICE_SERVERS", "stun:stun.example.org", "LOCAL_TURN_SECRET", turnSecret),
                "LOCAL_ICE_SERVERS names no turn: or turns: server",
                turnSecret);
        assertRefused(
                output,
                "secret and a fixed pair",
                Map.of(
                        "LOCAL_ICE_SERVERS",
                        turn,
                        "LOCAL_TURN_SECRET",
                        turnSecret,
                        "LOCAL_TURN_USERNAME",
                        "ada",
                        "LOCAL_TURN_CREDENTIAL",
                        password),
                "set one of them",
                turnSecret);
        assertRefused(
                output,
                "secret and a fixed pair (the password)",
                Map.of(
                        "LOCAL_ICE_SERVERS",
                        turn,
                        "LOCAL_TURN_SECRET",
                        turnSecret,
                        "LOCAL_TURN_USERNAME",
                        "ada",
                        "LOCAL_TURN_CREDENTIAL",
                        password),
                "set one of them",
                password);
        assertRefused(
                output,
                "password alone",
                Map.of("LOCAL_ICE_SERVERS", turn, "LOCAL_TURN_CREDENTIAL", password),
                "set both or neither",
                password);
        assertRefused(
                output,
                "secret, lifetime too long",
                Map.of(
                        "LOCAL_ICE_SERVERS",
                        turn,
                        "LOCAL_TURN_SECRET",
                        turnSecret,
                        "LOCAL_TURN_CREDENTIAL_LIFETIME",
                        "30d"),
                "LOCAL_TURN_CREDENTIAL_LIFETIME must be",
                turnSecret);
        assertRefused(
                output,
                "relay without a TURN server",
                Map.of("LOCAL_ICE_POLICY", "relay"),
                "LOCAL_ICE_POLICY=relay needs a turn: or turns: server",
                turnSecret);
        assertStarts(
                output,
                "secret and relay",
                Map.of(
                        "LOCAL_ICE_SERVERS",
                        turn,
                        "LOCAL_TURN_SECRET",
                        turnSecret,
                        "LOCAL_ICE_POLICY",
                        "relay",
                        "logging.level.dev.e2eecall",
                        "DEBUG"),
                VideoBackend.Kind.LOCAL,
                turnSecret);
    }
}
