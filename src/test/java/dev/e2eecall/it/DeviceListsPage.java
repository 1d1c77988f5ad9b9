package dev.e2eecall.it;

import com.microsoft.playwright.Locator;

/** The lists of cameras and microphones, in the form's check and in the call's device panel alike. */
record DeviceListsPage(Locator within) {

    Locator camera() {
        return AccessibleNames.field(within, "Camera");
    }

    Locator microphone() {
        return AccessibleNames.field(within, "Microphone");
    }

    /** The entries of a list, the last of which is the choice of none ("No camera"). */
    static Locator options(Locator list) {
        return list.locator("option");
    }
}
