package dev.e2eecall.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JDK's {@code jcmd}, pointed at a running app, for what its heap holds. */
final class Jcmd {

    private static final Path JCMD =
            Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd");
    private static final Pattern HEAP_USED = Pattern.compile("heap .* used (\\d+)K");

    private Jcmd() {}

    /** Heap in use after a full collection, in KB: the median of three, as other threads may allocate in between. */
    static long heapUsedAfterGc(long pid) throws IOException, InterruptedException {
        Samples used = new Samples();
        for (int i = 0; i < 3; i++) {
            run(pid, "GC.run");
            Matcher matcher = HEAP_USED.matcher(run(pid, "GC.heap_info"));
            if (!matcher.find()) {
                throw new IllegalStateException("jcmd GC.heap_info printed no heap use");
            }
            used.add(Long.parseLong(matcher.group(1)));
        }
        return Math.round(used.median());
    }

    static String run(long pid, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(JCMD.toString(), Long.toString(pid), command)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + output);
        }
        return output;
    }
}
