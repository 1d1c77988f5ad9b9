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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenTok.js test double ({@code ot-double.js}) held to the real OpenTok.js the app bundles, so
 * that the browser tests that run on it say something about the real library: here at run time.
 *
 * <p>Offline, in the app's page: the same steps on the real chunk and on the double, and every
 * property the double's {@code OT}, session, publisher, stream and connection have is on the real
 * ones, of the same kind and, for a function, the same arity; errors for the same mistakes carry the
 * same names. (A real subscriber cannot be made without the video service: the double's is held to
 * the types only.)
 *
 * <p>By type, the double is held to OpenTok.js's own type definitions, from the npm package, by
 * {@code .ci/check-frontend}: {@code tsc} with {@code .ci/frontend/tsconfig.json} checks the double
 * against the API it declares and that API, its events and its options against OpenTok.js's types
 * ({@code ot-double/contract/real-fits-double.ts}); {@code tsconfig.double.json} compiles the engine
 * against the double's API alone. That check installs the version pinned in
 * {@code .ci/frontend/package.json}, which must be the bundled one (checked here).
 */
class OpenTokDoubleContractIT extends OpenTokModeBrowserTest {

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
                    differences.add(
                            object + "." + name + " is " + kind + " in the double, " + realKind + " in OpenTok.js");
                }
            });
        }
        assertThat(differences)
                .as("the double against OpenTok.js " + real.get("version"))
                .isEmpty();
    }

    @Test
    void keysOpenTokJsRefuses_failWithTheSameErrorNames() {
        Map<?, ?> real = surface(false);
        Map<?, ?> fake = surface(true);

        for (String mistake : List.of("shortKeyOnConnect", "shortKeyOnChange")) {
            assertThat(real.get(mistake))
                    .as("OpenTok.js, %s", mistake)
                    .isEqualTo(Map.of("name", "OT_INVALID_ENCRYPTION_SECRET", "messageType", "string"));
            assertThat(fake.get(mistake)).as("the double, %s", mistake).isEqualTo(real.get(mistake));
        }
    }

    @Test
    void bundledVersion_isTheOneTheFrontendTypeCheckHoldsTheDoubleTo() throws IOException {
        Map<?, ?> real = surface(false);
        String pinned =
                "\"" + openTokPackage().value() + "\": \"" + openTokPackage().version() + "\"";

        assertThat(String.valueOf(real.get("version")))
                .contains(openTokPackage().version());
        assertThat(Files.readString(Path.of(".ci/frontend/package.json")))
                .as(".ci/frontend/package.json")
                .contains(pinned);
    }

    /** What the steps of {@code surface.js} met, on the real chunk or on the double. */
    private Map<?, ?> surface(boolean onTheDouble) {
        Page page = context.newPage();
        if (onTheDouble) {
            OtDouble.replaceOpenTokIn(page);
        }
        page.navigate(app.url("/room/contract").toString());
        assertThat(JoinFormPage.in(page).name()).isVisible();
        Object described = page.evaluate(
                resource("/ot-double/contract/surface.js"),
                Map.of("chunk", "/VAADIN/build/" + openTokChunk(), "sessionId", standIn.sessionId()));
        return (Map<?, ?>) described;
    }

    private static NpmPackage openTokPackage() {
        return E2eeVideoCall.class.getAnnotation(NpmPackage.class);
    }

    /** The file name of the OpenTok.js chunk in the packaged app. */
    private static String openTokChunk() {
        try (ZipFile jar = new ZipFile(PackagedApp.jar().toFile())) {
            return jar.stream()
                    .map(ZipEntry::getName)
                    .filter(name -> name.matches("(.*/)?META-INF/VAADIN/webapp/VAADIN/build/opentok-[\\w-]+\\.js"))
                    .map(name -> name.substring(name.lastIndexOf('/') + 1))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the packaged jar holds no OpenTok.js chunk"));
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
