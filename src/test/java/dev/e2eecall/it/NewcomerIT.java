package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer does: the README's run command, read from the README itself, in a fresh copy of
 * the project (its files as git knows them: no target/, no .env), then two tabs in a call. The page
 * must be the product (production mode from the committed bundle), not Vaadin's development page.
 * Maven gets an environment with nothing but what it needs to run.
 */
class NewcomerIT {

    private static final Path PROJECT = Path.of(System.getProperty("user.dir"));
    /** The first command of the README's first shell block: how to run the app. */
    private static final Pattern RUN_COMMAND = Pattern.compile("```sh\\n([^\\n#]+?)\\s*(#[^\\n]*)?\\n");

    @Test
    void readmeRunCommand_inAFreshCopy_servesTheProductNotTheDevelopmentPage_andHoldsACall(@TempDir Path copy)
            throws Exception {
        String command = readmeRunCommand();
        copyProject(copy);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path output = Files.createTempFile("readme-run", ".log");
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command)
                .directory(copy.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> inherited = Map.copyOf(builder.environment());
        builder.environment().clear();
        // Maven keeps its repository under HOME; java is the JDK this test runs on, first on the PATH
        Path javaHome = Path.of(ProcessHandle.current().info().command().orElseThrow())
                .getParent()
                .getParent();
        builder.environment()
                .put("PATH", javaHome.resolve("bin") + ":" + inherited.getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().put("HOME", inherited.getOrDefault("HOME", "/root"));
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        Process process = builder.start();
        try {
            URI app = URI.create("http://localhost:" + port + "/");
            awaitServing(app, process, output);
            String log = Files.readString(output);
            assertThat(log).contains("Video backend: local peer-to-peer calls");
            assertThat(log).doesNotContain("development mode");
            try (Chromium chromium = new Chromium();
                    LocalCall call = new LocalCall(chromium.browser(), app)) {
                Tab first = call.open("/");
                assertThat((Boolean) first.page().evaluate("() => Boolean(window.Vaadin?.developmentMode)"))
                        .as("Vaadin's development mode in the page")
                        .isFalse();
                assertThat(first.page().locator("vaadin-dev-tools")).hasCount(0);
                Tab second = call.open("/");
                first.join("First tab", "newcomer-key-123");
                second.join("Second tab", "newcomer-key-123");
                first.awaitRemoteVideoPlaying("Second tab");
                second.awaitRemoteVideoPlaying("First tab");
                assertThat(first.page().locator("vaadin-dev-tools")).hasCount(0);
            }
        } finally {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    private static String readmeRunCommand() throws IOException {
        Matcher first = RUN_COMMAND.matcher(Files.readString(PROJECT.resolve("README.md")));
        assertThat(first.find()).as("a shell block in the README").isTrue();
        return first.group(1).strip();
    }

    /** The files git tracks or would track (committed, changed, new; never ignored ones such as target/ or .env). */
    private static void copyProject(Path copy) throws Exception {
        Process list = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                .directory(PROJECT.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String files = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(list.waitFor()).as("git ls-files").isZero();
        for (String file : List.of(files.split("\0"))) {
            Path source = PROJECT.resolve(file);
            if (file.isEmpty() || !Files.isRegularFile(source)) {
                continue;
            }
            Path target = copy.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static void awaitServing(URI app, Process process, Path output) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("the README's run command stopped:\n" + Files.readString(output));
                }
                try {
                    if (http.send(HttpRequest.newBuilder(app).build(), HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        return;
                    }
                } catch (IOException notYetListening) {
                    // still building or starting
                }
                Thread.sleep(250);
            }
        }
        throw new AssertionError(
                "the README's run command did not serve " + app + " in time:\n" + Files.readString(output));
    }
}
