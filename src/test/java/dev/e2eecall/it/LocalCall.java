package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/** Browser tabs in a local-mode call, each in its own browser context (its own cookies and session). */
final class LocalCall implements AutoCloseable {

    private final Browser browser;
    private final URI app;
    private final List<BrowserContext> contexts = new ArrayList<>();

    LocalCall(Browser browser, URI app) {
        this.browser = browser;
        this.app = app;
    }

    Tab open(String path) {
        return open(path, null);
    }

    /** Opens the page with a script that runs in it before the page's own ({@code addInitScript}). */
    Tab open(String path, @Nullable String initScript) {
        BrowserContext context = browser.newContext();
        contexts.add(context);
        Page page = context.newPage();
        if (initScript != null) {
            page.addInitScript(initScript);
        }
        Traffic traffic = Traffic.capture(page);
        List<String> violations = new CopyOnWriteArrayList<>();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                violations.add(message.text());
            }
        });
        page.navigate(app.resolve(path).toString());
        Tab tab = new Tab(page, traffic, violations);
        assertThat(tab.form().name()).isVisible();
        return tab;
    }

    /**
     * Opens a tab per name in {@code /room/<room>}, joins each with the key, one after the other,
     * and waits until every tab decodes every other's video: the start of most two-person tests.
     */
    List<Tab> inCall(String room, String key, String... names) {
        List<Tab> tabs = new ArrayList<>();
        for (String name : names) {
            tabs.add(open("/room/" + room));
        }
        for (int i = 0; i < names.length; i++) {
            tabs.get(i).join(names[i], key);
        }
        for (int i = 0; i < names.length; i++) {
            for (int j = 0; j < names.length; j++) {
                if (i != j) {
                    tabs.get(i).awaitRemoteVideoPlaying(names[j]);
                }
            }
        }
        return tabs;
    }

    @Override
    public void close() {
        contexts.forEach(BrowserContext::close);
    }
}
