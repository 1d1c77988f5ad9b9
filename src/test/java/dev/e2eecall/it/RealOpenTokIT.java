package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.e2eecall.opentok.OpenTokStandIn;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged app with the real, bundled OpenTok.js, offline: fake credentials, the REST API
 * played by a local stand-in, and no route to the video service's hosts.
 */
class RealOpenTokIT extends OpenTokModeBrowserTest {

    private BrowserContext context;
    private Page page;
    private Traffic traffic;
    private final List<String> policyViolations = new CopyOnWriteArrayList<>();
    private Response document;
    private JoinFormPage form;

    /** This class stops its app at the end, so it starts its own instead of taking the shared one. */
    @BeforeAll
    static void startOwnApp(@TempDir Path workingDirectory) {
        standIn = new OpenTokStandIn(API_KEY);
        app = PackagedApp.startWithOpenTok(workingDirectory, standIn, API_SECRET, Map.of());
    }

    @AfterAll
    static void appExitsByItself() {
        try {
            // the joins above started the OpenTok SDK's HTTP client, whose thread would keep the JVM alive
            assertThat(app.stop())
                    .as("the app exits by itself when asked to stop")
                    .isTrue();
            assertThat(app.output()).contains("Graceful shutdown complete");
        } finally {
            app.close();
            standIn.close();
        }
    }

    @BeforeEach
    void openPage() {
        standIn.reset();
        context = chromium.browser().newContext();
        page = context.newPage();
        traffic = Traffic.capture(page);
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                policyViolations.add(message.text());
            }
        });
        document = page.navigate(app.url("/room/offline").toString());
        form = JoinFormPage.in(page);
        assertThat(form.name()).isVisible();
    }

    @AfterEach
    void closePage() {
        context.close();
        assertThat(policyViolations).as("Content-Security-Policy violations").isEmpty();
    }

    @Test
    void page_carriesSecurityHeaders() {
        Map<String, String> headers = document.allHeaders();
        assertThat(headers.get("content-security-policy")).contains("'wasm-unsafe-eval'", "frame-ancestors 'self';");
        assertThat(headers)
                .containsEntry("x-content-type-options", "nosniff")
                .containsEntry("referrer-policy", "no-referrer");
        assertThat(headers.get("permissions-policy")).contains("camera=(self)", "microphone=(self)");
    }

    @Test
    void supportCheck_passes_andTheFormIsOffered() {
        assertThat(form.roomTitle()).hasText("Room offline");
        assertThat(form.key()).isVisible();
        assertThat(form.unsupportedBrowserNotice()).hasCount(0);
        assertThat(form.backendNote()).containsText("Calls run on the Vonage Video API (project " + API_KEY + ")");
    }

    @Test
    void fiveCharacterKey_isRefusedInTheBrowser_andNoSessionIsCreated() {
        form.submit("Ada", "abcde");

        // under the field (its words are also announced once, from a live region)
        assertThat(form.keyField().error()).containsText("The encryption key must be 8 to 256 characters");
        assertThat(form.keyField().error()).isVisible();
        assertThat(form.enter()).isEnabled();
        assertThat(standIn.createRequests()).isEmpty();
        assertThat(traffic.sentContaining("abcde")).isZero();
    }

    @Test
    void validKey_offline_failsToConnectWithAClearMessage_andTheFormWorksAgain() {
        String key = "offlinekey7d3f9a";
        form.submit("Ada", key);

        Locator error = form.error();
        String unreachable = "Could not reach the video service. Check your internet connection and try again.";
        assertThat(error).containsText(unreachable, new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(standIn.createRequests()).hasSize(1);
        assertThat(form.enter()).isEnabled();

        // the same room's session is reused on the next try, and the form still works
        form.enter().click();
        assertThat(CallPage.in(page).connecting()).isVisible();
        assertThat(error).containsText(unreachable, new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(standIn.createRequests()).hasSize(1);

        assertThat(traffic.sentContaining(key)).isZero();
        assertThat(traffic.receivedContaining(API_SECRET)).isZero();
        assertThat(traffic.received()).isNotEmpty();
    }
}
