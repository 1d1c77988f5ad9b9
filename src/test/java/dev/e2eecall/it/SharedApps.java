package dev.e2eecall.it;

import dev.e2eecall.opentok.OpenTokStandIn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * One packaged app per mode, and one Chromium, for all the browser tests of a test JVM; closed when
 * the run ends (JUnit closes what its root store holds). Each test uses rooms of its own, so tests
 * do not meet in a call; starting an identical app and a browser for each test class was most of
 * the browser tests' time. A test that needs other settings, or stops its app, starts its own.
 */
final class SharedApps {

    private static final Namespace NAMESPACE = Namespace.create(SharedApps.class);

    private SharedApps() {}

    static Chromium chromium(ExtensionContext context) {
        return shared(context, Chromium.class, key -> new Chromium());
    }

    static PackagedApp localMode(ExtensionContext context) {
        return shared(context, LocalMode.class, key -> {
                    Path directory = temporaryDirectory("local-mode-app");
                    Map<String, String> environment =
                            Map.of("LOCAL_SILENCE", LocalModeBrowserTest.SILENCE.toSeconds() + "s");
                    return new LocalMode(PackagedApp.start(directory, environment), directory);
                })
                .app();
    }

    static OpenTokMode openTokMode(ExtensionContext context) {
        return shared(context, OpenTokMode.class, key -> {
            Path directory = temporaryDirectory("opentok-mode-app");
            OpenTokStandIn standIn = new OpenTokStandIn(OpenTokModeBrowserTest.API_KEY);
            return new OpenTokMode(
                    standIn,
                    PackagedApp.startWithOpenTok(directory, standIn, OpenTokModeBrowserTest.API_SECRET, Map.of()),
                    directory);
        });
    }

    private static <T> T shared(ExtensionContext context, Class<T> type, Function<Class<T>, T> start) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(type, start, type);
    }

    record LocalMode(PackagedApp app, Path directory) implements AutoCloseable {
        @Override
        public void close() {
            app.close();
            delete(directory);
        }
    }

    record OpenTokMode(OpenTokStandIn standIn, PackagedApp app, Path directory) implements AutoCloseable {
        @Override
        public void close() {
            app.close();
            standIn.close();
            delete(directory);
        }
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
