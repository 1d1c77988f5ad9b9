package dev.e2eecall.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without {@code EMBED_ORIGINS}, no other site may frame the app, and its cookie stays {@code SameSite=Lax}. */
class EmbedOriginsUnsetIT {

    @TempDir
    Path workingDirectory;

    @Test
    void framingFromAnotherOrigin_isRefused_andTheHeadersAreThoseOfAPageOnItsOwn() throws Exception {
        try (Portal portal = Portal.start();
                PackagedApp app = PackagedApp.start(workingDirectory, Map.of());
                Chromium chromium = new Chromium();
                HttpClient http = HttpClient.newHttpClient()) {
            portal.loading(app.url("/embed.js"));
            HttpResponse<Void> page = http.send(
                    HttpRequest.newBuilder(app.url("/room/x")).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(policy -> assertThat(policy).contains("; frame-ancestors 'self'; "));
            assertThat(page.headers().allValues("Set-Cookie"))
                    .singleElement()
                    .satisfies(cookie -> assertThat(cookie)
                            .contains("; SameSite=Lax", "; HttpOnly")
                            .doesNotContain("Secure", "Partitioned"));

            BrowserContext context = chromium.browser().newContext();
            Page portalPage = context.newPage();
            List<String> console = new CopyOnWriteArrayList<>();
            portalPage.onConsoleMessage(message -> console.add(message.text()));
            portalPage.navigate(portal.url().toString());
            portalPage.evaluate("startCall({ room: 'refused', name: 'Ada', key: 'a key that stays here 123' })");

            // Chromium says so in the framing page's console, quoting the directive
            try {
                portalPage.waitForCondition(
                        () -> console.stream().anyMatch(message -> message.contains("frame-ancestors 'self'")),
                        new Page.WaitForConditionOptions().setTimeout(20_000));
            } catch (TimeoutError e) {
                throw new AssertionError("No refusal in the portal's console: " + console, e);
            }
            Frame frame = portalPage.waitForSelector(Portal.CALL_FRAME).contentFrame();
            assertThat(frame.url()).doesNotStartWith(app.url("/").toString());
            assertThat(portalPage.evaluate("window.events.length")).isEqualTo(0);
            context.close();
        }
    }
}
