package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Browser tests of calls in OpenTok mode with the test double of OpenTok.js ({@link OtDouble})
 * served in place of the bundled library chunk: each participant a tab of its own.
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
        contexts.clear();
    }

    /**
     * A participant's browser tab in the room, with the OpenTok.js double in place of the library,
     * and its traffic captured once the page has loaded.
     */
    Tab participant(String room) {
        return participant(room, List.of());
    }

    /** The same, with browser permissions granted to the page (such as {@code clipboard-read}). */
    Tab participant(String room, List<String> permissions) {
        BrowserContext context = chromium.browser().newContext();
        contexts.add(context);
        if (!permissions.isEmpty()) {
            context.grantPermissions(permissions);
        }
        Page page = context.newPage();
        // a script error in the page would otherwise only show as a missing element
        page.onPageError(error -> System.err.println("page error in room " + room + ": " + error));
        OtDouble.replaceOpenTokIn(page);
        page.navigate(app.url("/room/" + room).toString());
        // what the page sends and receives from here on: the page's own load is the same for everyone
        Tab tab = Tab.of(page);
        assertThat(tab.form().name()).isVisible();
        return tab;
    }
}
