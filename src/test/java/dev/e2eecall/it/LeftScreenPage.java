package dev.e2eecall.it;

import static dev.e2eecall.it.AccessibleNames.button;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** What a person sees after Leave: that they left, Rejoin, and Back to the form. */
record LeftScreenPage(Locator within) {

    /** In the page's main frame. */
    static LeftScreenPage in(Page page) {
        return new LeftScreenPage(Tab.whole(page));
    }

    Locator heading() {
        return within.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("You left the call"));
    }

    /** Rejoin, offered after Leave and after a lost connection alike. */
    Locator rejoin() {
        return button(within, "Rejoin");
    }

    Locator backToForm() {
        return button(within, "Back to the form");
    }
}
