package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Browser tests of calls in OpenTok mode with the test double of OpenTok.js served in place of the
 * bundled library chunk: tabs, joining, remote participants made up through the double.
 */
abstract class DoubleCallTest extends OpenTokModeBrowserTest {

    private final List<BrowserContext> contexts = new ArrayList<>();

    /** The stand-in is shared by the OpenTok-mode tests of this JVM: each test counts only its own requests. */
    @BeforeEach
    void freshStandIn() {
        standIn.reset();
    }

    @AfterEach
    void closeBrowsers() {
        contexts.forEach(BrowserContext::close);
    }

    /** A participant's browser tab, with the OpenTok.js double in place of the library. */
    Page participant(String room) {
        BrowserContext context = chromium.browser().newContext();
        contexts.add(context);
        Page page = context.newPage();
        // a script error in the page would otherwise only show as a missing element
        page.onPageError(error -> System.err.println("page error in room " + room + ": " + error));
        OtDouble.replaceOpenTokIn(page);
        page.navigate(app.url("/room/" + room).toString());
        assertThat(nameField(page)).isVisible();
        return page;
    }

    static void join(Page page, String name, String key) {
        nameField(page).fill(name);
        keyField(page, "Encryption key").fill(key);
        button(page, "Enter").click();
        assertThat(page.getByText("Connected.")).isVisible();
    }

    /** The double has no network: each side learns of the other's stream from the test. */
    static void addRemote(Page page, String streamId, String name) {
        page.evaluate(
                "spec => otDouble.addRemoteStream(spec)",
                Map.of("streamId", streamId, "name", name, "connectionData", "{\"name\":" + jsonString(name) + "}"));
    }

    static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The first argument of every call of the named method into the double, as text. */
    @SuppressWarnings("unchecked")
    static List<String> callArguments(Page page, String method) {
        return (List<String>) page.evaluate(
                "method => otDouble.calls.filter(call => call.method === method)"
                        + ".map(call => String(call.args[0]))",
                method);
    }

    /** The names of the methods the page called into the double, in order. */
    @SuppressWarnings("unchecked")
    static List<String> callNames(Page page) {
        return (List<String>) page.evaluate("otDouble.calls.map(call => call.method)");
    }

    static Locator nameField(Page page) {
        return page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true));
    }

    static Locator keyField(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    static Locator button(Page page, String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
