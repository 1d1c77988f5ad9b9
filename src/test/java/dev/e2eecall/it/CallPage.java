package dev.e2eecall.it;

import static dev.e2eecall.it.AccessibleNames.button;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * The call as a person sees it: the status, the tiles, the control bar (microphone, camera, screen,
 * devices, key change, Leave) and the notices. In a page or in an embedding site's frame ({@code within}).
 */
record CallPage(Locator within) {

    /** The tiles' selectors, for page scripts too. */
    static final String OWN_TILE = ".tile.own";

    static final String REMOTE_TILES = ".tile.remote";
    static final String SCREEN_TILES = ".tile.screen";

    /** In the page's main frame. */
    static CallPage in(Page page) {
        return new CallPage(Tab.whole(page));
    }

    /** The element that runs the call; removing it is what closing the tab does to it. */
    Locator element() {
        return within.locator("e2ee-video-call");
    }

    /** The whole call screen, form excluded. */
    Locator panel() {
        return within.locator(".call-panel");
    }

    /** Where the call is: "Connecting…", "Connected. Waiting for others to join.", "Disconnected: ...". */
    Locator status() {
        return within.locator(".call-status");
    }

    /** The one line on whom this browser can see and hear. */
    Locator statusLine() {
        return within.locator(".call-status-line");
    }

    Locator connecting() {
        return within.getByText("Connecting…").first();
    }

    Locator grid() {
        return within.locator(".grid");
    }

    Locator tiles() {
        return within.locator(".tile");
    }

    /** Images anywhere in the tiles, of which there should be none: names are text. */
    Locator imagesInTiles() {
        return tiles().locator("img");
    }

    TilePage ownTile() {
        return new TilePage(within.locator(OWN_TILE));
    }

    Locator remoteTiles() {
        return within.locator(REMOTE_TILES);
    }

    /** Every remote tile at once: its label is every remote tile's label (one, in a call of two). */
    TilePage everyRemoteTile() {
        return new TilePage(remoteTiles());
    }

    TilePage remoteTile(String name) {
        return new TilePage(remoteTiles().filter(new Locator.FilterOptions().setHasText(name)));
    }

    /** The remote tile of a participant (or stream) id. */
    TilePage remoteTileOf(String participantId) {
        return new TilePage(within.locator(REMOTE_TILES + "[data-participant-id=" + participantId + "]"));
    }

    /** A shared screen's tile: one's own, or someone's in the spotlight. */
    TilePage screenTile() {
        return new TilePage(within.locator(SCREEN_TILES));
    }

    TilePage screenTileOf(String participantId) {
        return new TilePage(within.locator(SCREEN_TILES + "[data-participant-id=" + participantId + "]"));
    }

    /** The stage when someone's screen takes the spotlight. */
    Locator spotlight() {
        return within.locator(".stage.spotlight");
    }

    TilePage screenInTheSpotlight() {
        return new TilePage(spotlight().locator(SCREEN_TILES));
    }

    /** Said once when someone starts sharing, for screen readers too. */
    Locator announcement() {
        return within.locator(".announcement");
    }

    Locator controlBar() {
        return within.locator(".call-controls");
    }

    Locator microphoneOn() {
        return button(within, "Microphone on");
    }

    Locator microphoneOff() {
        return button(within, "Microphone off");
    }

    /** The microphone toggle when the call has none; pressing it asks the browser again. */
    Locator noMicrophone() {
        return button(within, "No microphone");
    }

    Locator cameraOn() {
        return button(within, "Camera on");
    }

    Locator cameraOff() {
        return button(within, "Camera off");
    }

    Locator noCamera() {
        return button(within, "No camera");
    }

    /** Why a camera or microphone is missing from the call. */
    Locator deviceNotice() {
        return within.locator(".device-notice");
    }

    Locator shareScreen() {
        return button(within, "Share screen");
    }

    Locator stopSharing() {
        return button(within, "Stop sharing");
    }

    /** Opens and closes the device panel. */
    Locator devices() {
        return button(within, "Devices");
    }

    Locator devicePanel() {
        return within.locator(".device-panel");
    }

    DeviceListsPage deviceLists() {
        return new DeviceListsPage(within);
    }

    Locator changeKey() {
        return button(within, "Change key");
    }

    KeyFieldPage newKeyField() {
        return new KeyFieldPage(within, "New encryption key");
    }

    Locator newKey() {
        return newKeyField().input();
    }

    /** The key change's own Generate key. */
    Locator generateKey() {
        return button(within.locator(".key-change"), "Generate key");
    }

    /** Confirms the new key. */
    Locator change() {
        return button(within, "Change");
    }

    Locator keyChangedNotice() {
        return within.getByText("Encryption key changed");
    }

    /** Errors and news that pass (Vaadin notifications). */
    Locator notifications() {
        return within.locator("vaadin-notification-card");
    }

    Locator leave() {
        return button(within, "Leave");
    }

    /** The badge that explains the encryption, and opens on a click of its summary. */
    Locator badge() {
        return within.locator(".e2ee-badge");
    }

    Locator badgeSummary() {
        return badge().locator("summary");
    }

    /** "Safety code 1234 5678 9012": the same for everyone with the same key. */
    Locator safetyCode() {
        return within.locator(".safety-code");
    }
}
