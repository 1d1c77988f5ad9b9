package dev.e2eecall.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2eecall.it.PackagedApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Start-up of the production jar, as a user starts it: from {@code java ...} to the first HTTP 200
 * on {@code /}, and the resident memory at that moment. Plain {@code java -jar}, against the JDK 25
 * AOT cache (JEP 483/514) made by a training run. Spring Boot's documentation advises extracting
 * the jar first ({@code -Djarmode=tools extract}), so that every class is on the JVM's own class
 * path, where the cache can hold it; the fat jar with a cache is measured too, to show the
 * difference. Extraction alone is measured to separate its effect from the cache's, and a second
 * training run that also serves the first page, to show what the start-up training leaves out.
 */
class StartupBenchmark {

    private static final String NAME = "start-up";
    private static final int RUNS = Integer.getInteger("bench.startups", 5);
    private static final String JAVA = ProcessHandle.current().info().command().orElseThrow();
    private static final Path DIRECTORY = Figures.DIRECTORY.resolve("startup").toAbsolutePath();
    private static final Pattern SPRING_READY = Pattern.compile("process running for ([0-9.]+)\\)");

    private static HttpClient http;

    /**
     * One start: milliseconds to the first 200, resident memory then, when Spring said it was ready
     * (the log's "process running for"), and how many classes were loaded from class files and how
     * many from the JDK's class archive or the AOT cache.
     */
    private record Start(double millis, long rssKb, double springReadyMillis, long classes, long archivedClasses) {}

    @BeforeAll
    static void start() throws InterruptedException {
        Figures.awaitQuietMachine(NAME);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    }

    @AfterAll
    static void stop() {
        Figures.reportLoad(NAME);
        http.close();
    }

    @Test
    void startup_plainJar_againstAotCache() throws Exception {
        Path fatJar = PackagedApp.jar().toAbsolutePath();
        deleteRecursively(DIRECTORY);
        Files.createDirectories(DIRECTORY);
        // the production steps docs/benchmarks.md describes: extract, train once, then start with the cache
        runToExit(JAVA, "-Djarmode=tools", "-jar", fatJar.toString(), "extract", "--destination", "application");
        String extractedJar = "application/" + fatJar.getFileName();
        runToExit(JAVA, "-XX:AOTCacheOutput=app.aot", "-Dspring.context.exit=onRefresh", "-jar", extractedJar);
        runToExit(JAVA, "-XX:AOTCacheOutput=fat-jar.aot", "-Dspring.context.exit=onRefresh", "-jar", fatJar.toString());
        trainByServingOnePage(List.of(JAVA, "-XX:AOTCacheOutput=served.aot", "-jar", extractedJar));
        assertThat(DIRECTORY.resolve("app.aot")).exists();

        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("java -jar (fat jar, plain)", List.of(JAVA, "-jar", fatJar.toString()));
        variants.put("fat jar + AOT cache", List.of(JAVA, "-XX:AOTCache=fat-jar.aot", "-jar", fatJar.toString()));
        variants.put("extracted jar, plain", List.of(JAVA, "-jar", extractedJar));
        variants.put("extracted jar + AOT cache", List.of(JAVA, "-XX:AOTCache=app.aot", "-jar", extractedJar));
        variants.put(
                "extracted jar + AOT cache trained by serving /",
                List.of(JAVA, "-XX:AOTCache=served.aot", "-jar", extractedJar));
        Map<String, List<Start>> starts = new LinkedHashMap<>();
        variants.keySet().forEach(name -> starts.put(name, new ArrayList<>()));
        // the variants take turns, so that a slow moment of the machine is shared among them
        for (int run = 0; run < RUNS; run++) {
            for (var variant : variants.entrySet()) {
                starts.get(variant.getKey()).add(startOnce(variant.getValue()));
            }
        }

        starts.forEach((name, runs) -> {
            Figures.report(
                    NAME,
                    name + ": to first 200 " + samples(runs, Start::millis).summary(" ms"));
            Figures.report(
                    NAME,
                    String.format(
                            Locale.ROOT,
                            "  median RSS at first 200 %.0f MB; Spring ready at %.0f ms;"
                                    + " classes loaded: %.0f from class files, %.0f from the JDK's class archive or the AOT cache",
                            samples(runs, start -> start.rssKb() / 1024.0).median(),
                            samples(runs, Start::springReadyMillis).median(),
                            samples(runs, Start::classes).median(),
                            samples(runs, Start::archivedClasses).median()));
        });
        double plain =
                samples(starts.get("java -jar (fat jar, plain)"), Start::millis).median();
        double cached =
                samples(starts.get("extracted jar + AOT cache"), Start::millis).median();
        Figures.report(
                NAME,
                "goal <= 4 s: plain " + (plain <= 4000 ? "met" : "MISSED") + ", extracted with the AOT cache "
                        + (cached <= 4000 ? "met" : "MISSED"));
        Figures.report(NAME, "AOT cache size: " + Files.size(DIRECTORY.resolve("app.aot")) / (1024 * 1024) + " MB");
    }

    private static Samples samples(List<Start> starts, ToDoubleFunction<Start> figure) {
        Samples samples = new Samples();
        starts.forEach(start -> samples.add(figure.applyAsDouble(start)));
        return samples;
    }

    /** Starts the app once, waits for the first 200 on /, notes time and RSS, and stops it. */
    private static Start startOnce(List<String> command) throws Exception {
        int port = freePort();
        Path output = Files.createTempFile(DIRECTORY, "run-", ".log");
        ProcessBuilder builder = processBuilder(command, port).redirectOutput(output.toFile());
        URI page = URI.create("http://localhost:" + port + "/");

        long launched = System.nanoTime();
        Process app = builder.start();
        try {
            awaitFirstPage(app, page, output);
            double millis = (System.nanoTime() - launched) / 1e6;
            long rssKb = residentKb(app.pid());
            String log = Files.readString(output);
            // the JVM starts without a cache it cannot use and prints an error: such a start is no cached start
            assertThat(log).as("the JVM's output").doesNotContain("[error  ][aot]");
            Matcher ready = SPRING_READY.matcher(log);
            assertThat(ready.find()).as("Spring's start-up line in %s", log).isTrue();
            String counters = jcmd(app.pid(), "PerfCounter.print");
            return new Start(
                    millis,
                    rssKb,
                    Double.parseDouble(ready.group(1)) * 1000,
                    counter(counters, "java.cls.loadedClasses"),
                    counter(counters, "java.cls.sharedLoadedClasses"));
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor();
            }
        }
    }

    private static void awaitFirstPage(Process app, URI page, Path output) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!serves(page)) {
            if (!app.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("The app did not serve " + page + ":\n" + Files.readString(output));
            }
            // the port opens late in start-up; asking in a tight loop would take a core from the app
            Thread.sleep(10);
        }
    }

    private static long counter(String counters, String name) {
        Matcher value = Pattern.compile(Pattern.quote(name) + "=(\\d+)").matcher(counters);
        assertThat(value.find()).as("%s in jcmd's counters", name).isTrue();
        return Long.parseLong(value.group(1));
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(JAVA.replaceFirst("java$", "jcmd"), Long.toString(pid), command)
                .redirectErrorStream(true)
                .start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jcmd.waitFor(1, TimeUnit.MINUTES))
                .as("jcmd %s ended", command)
                .isTrue();
        return output;
    }

    private static boolean serves(URI page) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException notYetListening) {
            return false;
        }
    }

    private static long residentKb(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst()
                .orElseThrow();
    }

    /**
     * A training run that also serves the first page, whose classes the start-up training misses:
     * the cache is written when the app ends, here on SIGTERM after the first 200.
     */
    private static void trainByServingOnePage(List<String> command) throws Exception {
        int port = freePort();
        Path output = Files.createTempFile(DIRECTORY, "step-", ".log");
        Process app =
                processBuilder(command, port).redirectOutput(output.toFile()).start();
        try {
            awaitFirstPage(app, URI.create("http://localhost:" + port + "/"), output);
        } catch (AssertionError e) {
            app.destroyForcibly().waitFor();
            throw e;
        }
        app.destroy();
        if (!app.waitFor(3, TimeUnit.MINUTES)) {
            app.destroyForcibly().waitFor();
            throw new AssertionError("The training run did not end:\n" + Files.readString(output));
        }
        assertThat(Files.readString(output)).as("the training run's output").contains("AOTCache creation is complete");
    }

    /** Runs a step of the preparation (extraction, a training run) and waits for it to end. */
    private static void runToExit(String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile(DIRECTORY, "step-", ".log");
        Process process = processBuilder(List.of(command), freePort())
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not end:\n" + Files.readString(output));
        }
        assertThat(process.exitValue())
                .as("exit code of %s:%n%s", String.join(" ", command), Files.readString(output))
                .isZero();
    }

    /**
     * In the benchmark's directory, which has no .env, and with an empty environment but the port:
     * nothing of the developer's (credentials, JAVA_TOOL_OPTIONS) may configure the app or the JVM.
     */
    private static ProcessBuilder processBuilder(List<String> command, int port) {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(DIRECTORY.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        return builder;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
