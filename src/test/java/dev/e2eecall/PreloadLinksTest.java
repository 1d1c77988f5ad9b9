package dev.e2eecall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The production page names the modules it always loads as preload links, which the build adds
 * (the plugin in {@code vite.config.ts}): Flow's start chunks and the views' chunks, not what a join
 * loads. Read from the committed production bundle, which the packaged app serves.
 */
class PreloadLinksTest {

    private static final Path PRODUCTION_BUNDLE = Path.of("src/main/bundles/prod.bundle");
    private static final String BUILD = "webapp/VAADIN/build/";
    private static final Pattern PRELOAD =
            Pattern.compile("<link rel=\"modulepreload\" crossorigin href=\"\\./VAADIN/build/([^\"]+)\">");
    private static final Pattern FLOW_IMPORTS = Pattern.compile("generated-flow-imports-[\\w-]+\\.js");
    // the views' chunks, which Flow's imports load when the server names a view
    private static final Pattern DYNAMIC_IMPORT = Pattern.compile("import\\([\"'`]\\./([\\w-]+\\.js)[\"'`]\\)");
    // what the first join, the device check or a framing page load, and nothing earlier
    private static final Pattern LOADED_LATER = Pattern.compile(
            "(opentok|ot-engine|local-engine|frame-worker|call-tiles|device-probe|device-panel|frame-bridge)-[\\w-]+\\.js");

    @Test
    void productionPage_preloadsFlowsStartChunksAndTheViews_butNothingAJoinLoads() throws IOException {
        try (ZipFile bundle = new ZipFile(PRODUCTION_BUNDLE.toFile())) {
            List<String> preloaded = PRELOAD.matcher(read(bundle, "webapp/index.html"))
                    .results()
                    .map(link -> link.group(1))
                    .toList();
            String flowImports = preloaded.stream()
                    .filter(FLOW_IMPORTS.asMatchPredicate())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no preload link for Flow's imports: " + preloaded));
            List<String> views = DYNAMIC_IMPORT
                    .matcher(read(bundle, BUILD + flowImports))
                    .results()
                    .map(view -> view.group(1))
                    .toList();

            assertThat(preloaded)
                    .anyMatch(file -> file.startsWith("FlowBootstrap-"))
                    .anyMatch(file -> file.startsWith("FlowClient-"));
            assertThat(views).isNotEmpty();
            assertThat(preloaded).containsAll(views);
            assertThat(preloaded).allMatch(file -> bundle.getEntry(BUILD + file) != null, "a file of the bundle");
            assertThat(preloaded).noneMatch(LOADED_LATER.asMatchPredicate());
        }
    }

    private static String read(ZipFile bundle, String name) throws IOException {
        ZipEntry entry = bundle.getEntry(name);
        assertThat(entry).as("%s in %s", name, PRODUCTION_BUNDLE).isNotNull();
        try (InputStream in = bundle.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
