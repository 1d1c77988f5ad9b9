package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Browser tabs in a local-mode call, each in its own browser context (its own cookies and session). */
final class LocalCall implements AutoCloseable {

    /** Page script, given a participant's name: true once their remote video shows frames that keep coming. */
    static final String REMOTE_VIDEO_PLAYING = """
                    name => {
                      const tile = [...document.querySelectorAll('.tile.remote')].find(t => t.textContent.includes(name));
                      const video = tile?.querySelector('video');
                      if (!video || video.videoWidth === 0) return false;
                      const frames = video.getVideoPlaybackQuality().totalVideoFrames;
                      const seen = (video.dataset.framesSeen = video.dataset.framesSeen ?? String(frames));
                      return frames > Number(seen) + 5;
                    }""";

    /** One participant's tab, with what it sends and receives. */
    record Tab(Page page, Traffic traffic, List<String> policyViolations) {

        void join(String name, String key) {
            field("Name").fill(name);
            field("Encryption key").fill(key);
            button("Enter").click();
            assertThat(page.locator(".call-status")).hasText(Pattern.compile("^Connected"));
        }

        void changeKey(String key) {
            if (!field("New encryption key").isVisible()) {
                button("Change key").click();
            }
            field("New encryption key").fill(key);
            button("Change").click();
            assertThat(page.getByText("Encryption key changed")).isVisible();
        }

        /**
         * Stops the page's script for good, as in a tab that hangs: no `bye`, no beat, nothing more
         * on its push connection, which stays open. The debugger holds the script at its next
         * statement, without keeping a core busy as an endless loop would.
         */
        void freeze() {
            CDPSession debugger = page.context().newCDPSession(page);
            debugger.send("Debugger.enable");
            debugger.send("Debugger.pause");
        }

        Locator remoteTile(String name) {
            return page.locator(".tile.remote").filter(new Locator.FilterOptions().setHasText(name));
        }

        /** Waits until the remote participant's video shows decoded frames that keep coming. */
        void awaitRemoteVideoPlaying(String name) {
            assertThat(remoteTile(name)).isVisible();
            page.waitForFunction(
                    REMOTE_VIDEO_PLAYING,
                    name,
                    new Page.WaitForFunctionOptions().setTimeout(30_000).setPollingInterval(200));
        }

        /** Frames the browser has shown of the remote participant's video so far. */
        int remoteFramesShown(String name) {
            return ((Number) page.evaluate("""
                    name => {
                      const tile = [...document.querySelectorAll('.tile.remote')].find(t => t.textContent.includes(name));
                      const video = tile?.querySelector('video');
                      return video ? video.getVideoPlaybackQuality().totalVideoFrames : 0;
                    }""", name)).intValue();
        }

        Locator button(String name) {
            return page.getByRole(
                    AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
        }

        Locator field(String label) {
            return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
        }
    }

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
        assertThat(tab.field("Name")).isVisible();
        return tab;
    }

    @Override
    public void close() {
        contexts.forEach(BrowserContext::close);
    }
}
