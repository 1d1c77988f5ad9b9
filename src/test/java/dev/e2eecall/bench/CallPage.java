package dev.e2eecall.bench;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.util.Map;

/**
 * One person's tab on the call page, in a browser context (cookies, cache) of its own. Its join
 * stops where the server's part ends: when the {@code <e2ee-video-call>} element is handed its
 * ticket. Offline, OpenTok.js could not connect anyway.
 */
final class CallPage implements AutoCloseable {

    /**
     * Installed just before Enter is clicked: notes the time of the click, and replaces the
     * element's {@code join} with one that notes when the ticket arrives and goes no further.
     */
    private static final String JOIN_WATCH = """
            () => customElements.whenDefined('e2ee-video-call').then(() => {
              document.addEventListener('click', () => { window.benchClickedAt = performance.now(); },
                  { capture: true, once: true });
              window.benchTicket = new Promise(resolve => {
                customElements.get('e2ee-video-call').prototype.join = function (ticket) {
                  resolve({ at: performance.now(), sessionId: ticket.sessionId, token: ticket.token });
                };
              });
            })
            """;

    private final BrowserContext context;
    private final Page page;

    private CallPage(BrowserContext context, Page page) {
        this.context = context;
        this.page = page;
    }

    /** Opens the page and waits until its form shows. */
    static CallPage open(Browser browser, URI url) {
        BrowserContext context = browser.newContext();
        Page page = context.newPage();
        page.navigate(url.toString());
        CallPage callPage = new CallPage(context, page);
        assertThat(callPage.field("Name")).isVisible();
        return callPage;
    }

    /**
     * Fills the form, clicks Enter and waits for the ticket, which must carry {@code sessionId} and
     * a token; returns the milliseconds from the click until the element got the ticket, as the
     * page's own clock measures them.
     */
    double join(String name, String key, String sessionId) {
        field("Name").fill(name);
        field("Encryption key").fill(key);
        page.evaluate(JOIN_WATCH);

        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Enter").setExact(true))
                .click();

        @SuppressWarnings("unchecked")
        Map<String, Object> ticket = (Map<String, Object>) page.evaluate("window.benchTicket");
        assertThat(ticket.get("sessionId")).isEqualTo(sessionId);
        assertThat((String) ticket.get("token")).startsWith("T1==");
        double clickedAt = ((Number) page.evaluate("window.benchClickedAt")).doubleValue();
        return ((Number) ticket.get("at")).doubleValue() - clickedAt;
    }

    private Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    @Override
    public void close() {
        context.close();
    }
}
