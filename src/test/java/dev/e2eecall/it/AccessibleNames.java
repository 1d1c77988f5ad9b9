package dev.e2eecall.it;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;

/**
 * How the page objects find a control: by its exact accessible name, as a screen reader announces
 * it, so that a test breaks when a label a person relies on changes.
 */
final class AccessibleNames {

    private AccessibleNames() {}

    static Locator button(Locator within, String name) {
        return within.getByRole(
                AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    /** A text field, password field or list, by its label. */
    static Locator field(Locator within, String label) {
        return within.getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
    }
}
