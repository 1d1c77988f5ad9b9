package dev.e2eecall.it;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * An encryption key field ({@code e2ee-key-field}) as a person meets it, on the form or in the
 * call's key change: the input with its label, the refusal under it, the strength hint and the eye
 * that shows the key.
 */
record KeyFieldPage(Locator within, String label) {

    Locator input() {
        return AccessibleNames.field(within, label);
    }

    /** The {@code e2ee-key-field} element around the input (in the page's main frame). */
    Locator element() {
        Locator labelled = within.page().getByLabel(label, new Page.GetByLabelOptions().setExact(true));
        return within.locator("e2ee-key-field").filter(new Locator.FilterOptions().setHas(labelled));
    }

    /** The refusal under the field. */
    Locator error() {
        return element().locator("[slot=error-message]");
    }

    Locator strengthHint() {
        return element().locator(".key-strength");
    }

    /** The button that shows or hides the typed key. */
    Locator revealButton() {
        return element().locator("vaadin-password-field-button");
    }

    Locator passwordField() {
        return element().locator("vaadin-password-field");
    }

    /** The key the element holds (its {@code value}), which the page hands to the engine. */
    String value() {
        return (String) element().evaluate("field => field.value");
    }
}
