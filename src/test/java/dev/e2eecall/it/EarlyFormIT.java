package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The first page answer carries the view (eager server load), so the form works before the
 * client's router has ended its first navigation, which takes a round trip to the server. Someone
 * who types at once must lose neither the field's focus nor what they typed when that navigation
 * ends. The navigation's request is held here until the name is typed, so the test does not depend
 * on timing.
 */
class EarlyFormIT extends LocalModeBrowserTest {

    /** Resolves once the router's first navigation has ended and the page has had a task to react. */
    private static final String FIRST_NAVIGATION_ENDED = """
            window.firstNavigationEnded = new Promise(resolve => window.addEventListener(
                'vaadin-router-location-changed', () => setTimeout(resolve), { once: true }));
            """;

    @Test
    void nameTypedBeforeTheFirstNavigationEnds_keepsItsFocus_andReachesTheServerWithEnter() {
        try (BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            List<Route> heldNavigations = new CopyOnWriteArrayList<>();
            page.route(url -> url.contains("v-r=uidl"), route -> {
                String body = route.request().postData();
                if (body != null && body.contains("\"ui-navigate\"")) {
                    heldNavigations.add(route);
                } else {
                    route.resume();
                }
            });
            page.addInitScript(FIRST_NAVIGATION_ENDED);
            page.navigate(app.url("/room/early").toString());

            JoinFormPage form = JoinFormPage.in(page);
            Locator name = form.name();
            // usable while the router's navigation is still on its way to the server
            name.fill("Early Bird");
            page.waitForCondition(() -> !heldNavigations.isEmpty());
            assertThat(heldNavigations).hasSize(1);
            heldNavigations.getFirst().resume();
            page.evaluate("window.firstNavigationEnded");

            assertThat(name).isFocused();
            form.key().fill("early-key-123");
            form.enter().click();
            assertThat(CallPage.in(page).status()).containsText("Connect");
            assertThat(form.nameError()).not().containsText("Please enter your name");
            // while the page lives: a route left in place raced the context's closing once (TargetClosedError)
            page.unrouteAll();
        }
        assertThat(app.output()).doesNotContain("Message ID sync error");
    }
}
