package dev.e2eecall.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar started the way {@code docs/benchmarks.md} ("Running in production with the AOT
 * cache") runs it in production: extracted, with a JDK AOT cache made by one training start. Made
 * once per build, beside the jar, and made again when the jar changes; each of the test run's app
 * starts then takes about half as long. Needs JDK 25 ({@code -XX:AOTCacheOutput}); with an older JDK,
 * or with {@code -Dapp.fastStart=false} (the benchmarks, which time the plain jar), or when the
 * training fails, apps start from the fat jar as it is.
 */
final class FastStart {

    private static final boolean WANTED = Boolean.parseBoolean(System.getProperty("app.fastStart", "false"))
            && Runtime.version().feature() >= 25;
    private static List<String> prepared;

    private FastStart() {}

    /** What follows {@code java} to start the app: the extracted jar with its cache, or the fat jar. */
    static synchronized List<String> arguments(String java, Path jar) {
        if (prepared == null) {
            prepared = WANTED ? prepare(java, jar) : plain(jar);
        }
        return prepared;
    }

    static List<String> plain(Path jar) {
        return List.of("-jar", jar.toString());
    }

    private static List<String> prepare(String java, Path jar) {
        Path directory = jar.resolveSibling("fast-start");
        Path extracted = directory.resolve(jar.getFileName());
        Path cache = directory.resolve("app.aot");
        try {
            if (!Files.isRegularFile(cache)
                    || Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) < 0) {
                Files.createDirectories(directory);
                run(
                        directory,
                        java,
                        "-Djarmode=tools",
                        "-jar",
                        jar.toString(),
                        "extract",
                        "--force",
                        "--destination",
                        directory.toString());
                Files.deleteIfExists(cache);
                // a start that stops once the context is up, in local mode, with nothing inherited
                run(
                        directory,
                        java,
                        "-XX:AOTCacheOutput=" + cache,
                        "-Dspring.context.exit=onRefresh",
                        "-Dserver.port=0",
                        "-jar",
                        extracted.toString());
            }
            return Files.isRegularFile(cache)
                    ? List.of("-XX:AOTCache=" + cache, "-Xlog:aot=error", "-jar", extracted.toString())
                    : plain(jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(Path directory, String... command) throws IOException {
        Path output = Files.createTempFile("fast-start", ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().clear();
        Process process = builder.start();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("Preparing the fast start failed: " + String.join(" ", command) + "\n"
                        + Files.readString(output));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
