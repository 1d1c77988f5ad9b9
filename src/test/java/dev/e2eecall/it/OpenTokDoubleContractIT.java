package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.vaadin.flow.component.dependency.NpmPackage;
import dev.e2eecall.call.E2eeVideoCall;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenTok.js test double ({@code ot-double.js}) held to the real OpenTok.js the app bundles, so
 * that the browser tests that run on it say something about the real library.
 *
 * <p>By type, with TypeScript (the compiler of the {@code typescript} webjar, run in Chromium): the
 * double's code checks against the API it declares ({@code OpenTokApi}, {@code SessionApi}, ...,
 * typed with OpenTok.js's own option and error types); the real library's types satisfy that API
 * (every member the double declares is on the real one, with a type the real one meets), event by
 * event too; and the engine compiles against the double's API alone, so it uses nothing the double
 * lacks. OpenTok.js's types are those of the bundled version, kept in the test resources under
 * {@code opentok-types/<version>} (the version named by {@link E2eeVideoCall}'s {@code @NpmPackage}).
 *
 * <p>At run time, offline, in the app's page: the same steps on the real chunk and on the double,
 * and every property the double's {@code OT}, session, publisher, stream and connection have is on
 * the real ones, of the same kind and, for a function, the same arity; errors for the same mistakes
 * carry the same names. (A real subscriber cannot be made without the video service: the double's
 * is held to the types only.)
 */
class OpenTokDoubleContractIT extends OpenTokModeBrowserTest {

    private static final String TYPESCRIPT = "META-INF/resources/webjars/typescript/5.9.3/lib/";

    private BrowserContext context;

    @BeforeEach
    void openBrowser() {
        context = chromium.browser().newContext();
    }

    @AfterEach
    void closeBrowser() {
        context.close();
    }

    @Test
    void double_typeChecksAgainstTheApiItDeclares_andOpenTokJsTypesSatisfyThatApi() {
        Page page = typeScriptPage();

        List<?> errors = (List<?>) page.evaluate("([files, roots]) => openTokContract.diagnostics(files, roots)",
                List.of(files(), List.of("/ot-double/ot-double.js", "/ot-double/contract/real-fits-double.ts")));

        assertThat(errors).as("type errors").isEmpty();
    }

    @Test
    void everyEventTheDoubleFires_isOneOpenTokJsNames_withAnEventObjectThatFits() {
        Page page = typeScriptPage();

        List<?> maps = (List<?>) page.evaluate("([files, root, pairs]) => openTokContract.events(files, root, pairs)",
                List.of(files(), "/ot-double/contract/real-fits-double.ts", List.of(
                        List.of("RealSession", "DoubleSessionEvents"),
                        List.of("RealPublisher", "DoublePublisherEvents"),
                        List.of("RealSubscriber", "DoubleSubscriberEvents"))));

        assertThat(maps).hasSize(3);
        for (Object map : maps) {
            Map<?, ?> events = (Map<?, ?>) map;
            assertThat((List<?>) events.get("realNames")).as("events OpenTok.js names for %s", events.get("real"))
                    .isNotEmpty();
            assertThat((List<?>) events.get("events")).as("events of %s", events.get("double")).isNotEmpty()
                    .allSatisfy(event -> assertThat(event).as("event")
                            .isEqualTo(Map.of("name", ((Map<?, ?>) event).get("name"), "real", true, "fits", true)));
        }
    }

    @Test
    void engine_compilesAgainstTheDoublesApiAlone() throws IOException {
        Page page = typeScriptPage();
        Map<String, String> files = files();
        String engine = "/frontend/call/opentok/opentok-engine.ts";
        List<String> openTokModules = List.of("call/opentok/opentok-engine.ts", "call/opentok/screen-share.ts",
                "call/opentok/stream-names.ts");
        for (String source : List.of("call/call-engine.ts", "call/engine-lifetime.ts", "call/error-messages.ts",
                "call/encryption-key.ts")) {
            files.put("/frontend/" + source, Files.readString(Path.of("frontend", source)));
        }
        String library = "'" + openTokPackage().value() + "'";
        for (String source : openTokModules) {
            String text = Files.readString(Path.of("frontend", source));
            assertThat(text).as("%s imports OpenTok.js by its package name", source).contains(library);
            files.put("/frontend/" + source, text.replace(library, "'/ot-double/contract/double-as-opentok'"));
        }

        List<?> errors = (List<?>) page.evaluate("([files, roots]) => openTokContract.diagnostics(files, roots)",
                List.of(files, List.of(engine)));

        assertThat(errors).as("what the engine uses that the double does not declare").isEmpty();
    }

    @Test
    void doublesObjects_haveOnlyPropertiesTheRealOnesHave_ofTheSameKindAndArity() {
        Map<?, ?> real = surface(false);
        Map<?, ?> fake = surface(true);

        List<String> differences = new ArrayList<>();
        for (String object : List.of("OT", "session", "publisher", "stream", "connection")) {
            Map<?, ?> realObject = (Map<?, ?>) real.get(object);
            Map<?, ?> doubleObject = (Map<?, ?>) fake.get(object);
            assertThat(realObject).as("the real %s", object).isNotNull();
            assertThat(doubleObject).as("the double's %s", object).isNotEmpty();
            doubleObject.forEach((name, kind) -> {
                Object realKind = realObject.get(name);
                if (realKind == null) {
                    differences.add(object + "." + name + " (" + kind + ") is not on the real " + object);
                } else if (!kind.equals(realKind) && !"undefined".equals(kind) && !"undefined".equals(realKind)) {
                    differences.add(object + "." + name + " is " + kind + " in the double, " + realKind + " in OpenTok.js");
                }
            });
        }
        assertThat(differences).as("the double against OpenTok.js " + real.get("version")).isEmpty();
    }

    @Test
    void keysOpenTokJsRefuses_failWithTheSameErrorNames() {
        Map<?, ?> real = surface(false);
        Map<?, ?> fake = surface(true);

        for (String mistake : List.of("shortKeyOnConnect", "shortKeyOnChange")) {
            assertThat(real.get(mistake)).as("OpenTok.js, %s", mistake)
                    .isEqualTo(Map.of("name", "OT_INVALID_ENCRYPTION_SECRET", "messageType", "string"));
            assertThat(fake.get(mistake)).as("the double, %s", mistake).isEqualTo(real.get(mistake));
        }
    }

    @Test
    void typesOfTheBundledVersion_areTheOnesChecked() {
        Map<?, ?> real = surface(false);

        assertThat(String.valueOf(real.get("version"))).contains(openTokPackage().version());
        assertThat(OpenTokDoubleContractIT.class.getResource(typesResource())).as(typesResource()).isNotNull();
    }

    /** What the steps of {@code surface.js} met, on the real chunk or on the double. */
    private Map<?, ?> surface(boolean onTheDouble) {
        Page page = context.newPage();
        if (onTheDouble) {
            OtDouble.replaceOpenTokIn(page);
        }
        page.navigate(app.url("/room/contract").toString());
        assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true))).isVisible();
        Object described = page.evaluate(resource("/ot-double/contract/surface.js"),
                Map.of("chunk", "/VAADIN/build/" + openTokChunk(), "sessionId", standIn.sessionId()));
        return (Map<?, ?>) described;
    }

    /** A blank page with TypeScript and the contract's type checks loaded. */
    private Page typeScriptPage() {
        Page page = context.newPage();
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(typeScript("typescript.js")));
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(resource("/ot-double/contract/type-check.js")));
        return page;
    }

    /** The files the type checks compile, by absolute path: TypeScript's libraries, OpenTok.js's types, the double. */
    private static Map<String, String> files() {
        Map<String, String> files = new HashMap<>();
        TYPESCRIPT_FILES.forEach((name, text) -> {
            if (name.startsWith("lib.")) {
                files.put("/lib/" + name, text);
            }
        });
        NpmPackage openTok = openTokPackage();
        String module = "/node_modules/" + openTok.value();
        files.put(module + "/package.json", "{\"name\":\"" + openTok.value() + "\",\"version\":\"" + openTok.version()
                + "\",\"types\":\"dist/js/opentok.d.ts\"}");
        files.put(module + "/dist/js/opentok.d.ts", resource(typesResource()));
        files.put("/ot-double/ot-double.js", resource("/ot-double/ot-double.js"));
        files.put("/ot-double/contract/real-fits-double.ts", resource("/ot-double/contract/real-fits-double.ts"));
        files.put("/ot-double/contract/double-as-opentok.ts", resource("/ot-double/contract/double-as-opentok.ts"));
        return files;
    }

    private static NpmPackage openTokPackage() {
        return E2eeVideoCall.class.getAnnotation(NpmPackage.class);
    }

    private static String typesResource() {
        return "/opentok-types/" + openTokPackage().version() + "/opentok.d.ts";
    }

    /** The file name of the OpenTok.js chunk in the packaged app. */
    private static String openTokChunk() {
        try (ZipFile jar = new ZipFile(PackagedApp.jar().toFile())) {
            return jar.stream().map(ZipEntry::getName)
                    .filter(name -> name.matches("(.*/)?META-INF/VAADIN/webapp/VAADIN/build/opentok-[\\w-]+\\.js"))
                    .map(name -> name.substring(name.lastIndexOf('/') + 1))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the packaged jar holds no OpenTok.js chunk"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** TypeScript's typescript.js and its lib.*.d.ts, read once from its webjar. */
    private static final Map<String, String> TYPESCRIPT_FILES = readTypeScript();

    private static Map<String, String> readTypeScript() {
        URL url = OpenTokDoubleContractIT.class.getClassLoader().getResource(TYPESCRIPT + "typescript.js");
        if (url == null) {
            throw new IllegalStateException("TypeScript's webjar is not on the test class path");
        }
        try (FileSystem jar = FileSystems.newFileSystem(Path.of(url.toURI().getSchemeSpecificPart()
                .replaceFirst("^file:", "").replaceFirst("!/.*$", "")));
                Stream<Path> files = Files.list(jar.getPath("/" + TYPESCRIPT))) {
            Map<String, String> read = new HashMap<>();
            files.filter(path -> path.getFileName().toString().matches("typescript\\.js|lib\\..*\\.d\\.ts"))
                    .forEach(path -> read.put(path.getFileName().toString(), read(path)));
            return Map.copyOf(read);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("Could not read TypeScript from " + url, e);
        }
    }

    private static String typeScript(String name) {
        return TYPESCRIPT_FILES.get(name);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = OpenTokDoubleContractIT.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
