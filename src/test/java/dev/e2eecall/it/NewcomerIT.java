package dev.e2eecall.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2eecall.it.LocalCall.Tab;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer does: the README's run command with no .env and no credentials, then two tabs in
 * a call. Runs the wrapper for real, so it also proves the committed development bundle works
 * without Node. The app runs in an empty working directory, so a .env in this checkout (a
 * developer's credentials) does not change what is tested, and Maven gets an environment with
 * nothing but what it needs to run.
 */
class NewcomerIT {

    private static final Path PROJECT = Path.of(System.getProperty("user.dir"));

    @Test
    void readmeRunCommand_withNoDotEnv_holdsATwoTabCall(@TempDir Path workingDirectory) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path output = Files.createTempFile("spring-boot-run", ".log");
        ProcessBuilder builder = new ProcessBuilder("./mvnw", "spring-boot:run",
                "-Dspring-boot.run.workingDirectory=" + workingDirectory)
                .directory(PROJECT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> inherited = Map.copyOf(builder.environment());
        builder.environment().clear();
        // the wrapper is a shell script (PATH) and Maven keeps its repository under HOME
        for (String needed : List.of("PATH", "HOME")) {
            if (inherited.containsKey(needed)) {
                builder.environment().put(needed, inherited.get(needed));
            }
        }
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("JAVA_HOME", Path.of(ProcessHandle.current().info().command().orElseThrow())
                .getParent().getParent().toString());
        Process process = builder.start();
        try {
            URI app = URI.create("http://localhost:" + port + "/");
            awaitServing(app, process, output);
            assertThat(Files.readString(output)).contains("Video backend: local peer-to-peer calls");
            try (Chromium chromium = new Chromium(); LocalCall call = new LocalCall(chromium.browser(), app)) {
                Tab first = call.open("/");
                Tab second = call.open("/");
                first.join("First tab", "newcomer-key-123");
                second.join("Second tab", "newcomer-key-123");
                first.awaitRemoteVideoPlaying("Second tab");
                second.awaitRemoteVideoPlaying("First tab");
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

    private static void awaitServing(URI app, Process process, Path output) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("spring-boot:run stopped:\n" + Files.readString(output));
                }
                try {
                    if (http.send(HttpRequest.newBuilder(app).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYetListening) {
                    // still starting
                }
                Thread.sleep(250);
            }
        }
        throw new AssertionError("spring-boot:run did not serve " + app + " in time:\n" + Files.readString(output));
    }
}
