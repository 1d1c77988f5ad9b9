package dev.e2eecall.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Where benchmarks put their figures: the console, and {@code target/benchmarks/figures.md} to copy
 * into docs/benchmarks.md. Also keeps the figures honest about the machine's load.
 */
final class Figures {

    static final Path DIRECTORY = Path.of(System.getProperty("bench.dir", "target/benchmarks"));
    private static final Path FILE = DIRECTORY.resolve("figures.md");
    /** Figures taken on a busy machine measure the other work too; wait for it to end first. */
    private static final double QUIET_LOAD = Double.parseDouble(System.getProperty("bench.quietLoad", "1.0"));

    private static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

    private Figures() {}

    static void report(String benchmark, String line) {
        String text = "[" + benchmark + "] " + line;
        System.out.println(text);
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(FILE, text + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until the 1-minute load average is under {@code bench.quietLoad} (1.0), at most 10
     * minutes, and reports the load the benchmark starts under.
     */
    static void awaitQuietMachine(String benchmark) throws InterruptedException {
        Instant deadline = Instant.now().plus(LONGEST_WAIT);
        while (oneMinuteLoad() >= QUIET_LOAD && Instant.now().isBefore(deadline)) {
            // the load average is a decaying mean, updated every 5 seconds
            Thread.sleep(5_000);
        }
        report(
                benchmark,
                String.format(
                        Locale.ROOT,
                        "%s, %d processors, 1-minute load at start %.2f%s",
                        Instant.now(),
                        Runtime.getRuntime().availableProcessors(),
                        oneMinuteLoad(),
                        oneMinuteLoad() >= QUIET_LOAD ? " (BUSY MACHINE: figures are not final)" : ""));
    }

    static void reportLoad(String benchmark) {
        report(benchmark, String.format(Locale.ROOT, "1-minute load at end %.2f", oneMinuteLoad()));
    }

    private static double oneMinuteLoad() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
