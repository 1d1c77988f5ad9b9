package dev.e2eecall.it;

import com.microsoft.playwright.Locator;

/** A video tile of the call: someone's camera, or a shared screen, with what it says over the video. */
record TilePage(Locator tile) {

    /** Whose tile it is ("You (Ada)", "Grace", "Grace’s screen"). */
    Locator label() {
        return tile.locator(".label");
    }

    /** Said over the tile when this browser cannot decrypt what it shows. */
    Locator mismatch() {
        return tile.locator(".mismatch");
    }

    /** "Microphone off", "Camera off", or both. */
    Locator mediaState() {
        return tile.locator(".media-state");
    }

    Locator video() {
        return tile.locator("video");
    }
}
