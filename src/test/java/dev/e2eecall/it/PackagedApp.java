package dev.e2eecall.it;

import dev.e2eecall.opentok.OpenTokStandIn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The production jar, started as a user starts it ({@code java -jar}, or extracted with its AOT cache
 * as {@code docs/benchmarks.md} describes for production: {@link FastStart}) in a working directory of
 * the test's choosing, with an environment built from nothing but what the test sets: nothing
 * inherited (credentials, {@code JAVA_TOOL_OPTIONS}) can configure the app or its JVM.
 */
public final class PackagedApp implements AutoCloseable {

    private final Process process;
    private final Path output;
    private final int port;
    private final Map<String, String> environment;

    private PackagedApp(Process process, Path output, int port, Map<String, String> environment) {
        this.process = process;
        this.output = output;
        this.port = port;
        this.environment = Map.copyOf(environment);
    }

    /** Starts the jar and waits until it serves its page; fails with the app's output when it does not. */
    public static PackagedApp start(Path workingDirectory, Map<String, String> environment) {
        PackagedApp app = launch(workingDirectory, environment);
        app.awaitServing(Duration.ofSeconds(90));
        return app;
    }

    /** Starts the jar in OpenTok mode with made-up credentials, its REST API played by the stand-in. */
    public static PackagedApp startWithOpenTok(
            Path workingDirectory, OpenTokStandIn standIn, String apiSecret, Map<String, String> moreEnvironment) {
        Map<String, String> environment = new HashMap<>(moreEnvironment);
        environment.put("API_KEY", Integer.toString(standIn.apiKey()));
        environment.put("API_SECRET", apiSecret);
        environment.put("OPENTOK_API_URL", standIn.url().toString());
        return start(workingDirectory, environment);
    }

    /** The cluster secret of test clusters that do not bring their own. */
    static final String CLUSTER_SECRET = "a-made-up-cluster-secret-for-tests-0123456789";

    /**
     * Starts a cluster of instances of the jar at the same time, each with the common environment,
     * {@code CLUSTER_MEMBERS} naming all of them and a {@code CLUSTER_SECRET} (the environment's, or
     * a made-up one), and waits until every one serves its page.
     */
    public static List<PackagedApp> startCluster(List<Path> workingDirectories, Map<String, String> environment) {
        List<Integer> memberPorts =
                workingDirectories.stream().map(directory -> freePortOrFail()).toList();
        String members = String.join(
                ",", memberPorts.stream().map(port -> "127.0.0.1:" + port).toList());
        String name = environment.getOrDefault("CLUSTER_NAME", "test-" + UUID.randomUUID());
        List<PackagedApp> apps = new ArrayList<>();
        for (int i = 0; i < workingDirectories.size(); i++) {
            Map<String, String> instance = new HashMap<>(environment);
            instance.put("CLUSTER_MEMBERS", members);
            instance.put("CLUSTER_PORT", Integer.toString(memberPorts.get(i)));
            instance.put("CLUSTER_NAME", name);
            instance.putIfAbsent("CLUSTER_SECRET", CLUSTER_SECRET);
            apps.add(launch(workingDirectories.get(i), instance));
        }
        apps.forEach(app -> app.awaitServing(Duration.ofSeconds(180)));
        return apps;
    }

    /** Starts the fat jar itself, {@code java -jar} exactly as a user types it, and waits until it serves its page. */
    public static PackagedApp startAsJar(Path workingDirectory, Map<String, String> environment) {
        PackagedApp app = launch(workingDirectory, environment, FastStart.plain(jar()));
        app.awaitServing(Duration.ofSeconds(90));
        return app;
    }

    /** Starts the jar and returns without waiting, for tests of start-up failures. */
    static PackagedApp launch(Path workingDirectory, Map<String, String> environment) {
        return launch(workingDirectory, environment, FastStart.arguments(java(), jar()));
    }

    private static PackagedApp launch(Path workingDirectory, Map<String, String> environment, List<String> arguments) {
        try {
            int port = freePort();
            Path output = Files.createTempFile("app-output", ".log");
            List<String> command = new ArrayList<>(List.of(java()));
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().clear();
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            builder.environment().putAll(environment);
            return new PackagedApp(builder.start(), output, port, environment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test JVM's own java, so that the app runs on the JDK the build chose. */
    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    public static Path jar() {
        String jar = System.getProperty("app.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("No packaged jar at " + jar + ": run the tests with ./mvnw verify");
        }
        return Path.of(jar);
    }

    public URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    int port() {
        return port;
    }

    /** A variable of the environment the app was started with, or null. */
    String environment(String name) {
        return environment.get(name);
    }

    /** The app's process id, for tools that look inside the running JVM ({@code jcmd}). */
    public long pid() {
        return process.pid();
    }

    String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the process to end by itself and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The app is still running after " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    private void awaitServing(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError(
                            "The app stopped with exit code " + process.exitValue() + ":\n" + output());
                }
                try {
                    HttpResponse<Void> response =
                            http.send(HttpRequest.newBuilder(url("/")).build(), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYetListening) {
                    // the port opens late in start-up: ask again
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
        throw new AssertionError("The app did not serve / within " + timeout + ":\n" + output());
    }

    private static int freePortOrFail() {
        try {
            return freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Kills the process at once, as a crash or a pulled plug would. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Asks the app to stop (SIGTERM, as a service manager does) and reports whether it exited by
     * itself: a thread left running, such as an unclosed HTTP client's, would keep it alive.
     */
    boolean stop() {
        process.destroy();
        try {
            if (process.waitFor(20, TimeUnit.SECONDS)) {
                return true;
            }
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public void close() {
        stop();
    }
}
