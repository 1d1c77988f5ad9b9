package dev.e2eecall.it;

import static dev.e2eecall.it.AccessibleNames.button;
import static dev.e2eecall.it.AccessibleNames.field;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The join form as a person sees it: name, key, Enter, the key and invite tools, the camera and
 * microphone check, and what the page says about the room and the video service. In a page or in
 * the frame an embedding site shows it in ({@code within}).
 */
record JoinFormPage(Locator within) {

    /** The device check's preview, for page scripts too. */
    static final String DEVICE_PREVIEW = ".device-preview";

    /** In the page's main frame. */
    static JoinFormPage in(Page page) {
        return new JoinFormPage(Tab.whole(page));
    }

    Locator roomTitle() {
        return within.getByRole(AriaRole.HEADING);
    }

    /** Which video service calls run on, or that they are peer-to-peer. */
    Locator backendNote() {
        return within.locator(".backend-note");
    }

    /** The notice shown instead of the form when the browser cannot encrypt calls. */
    Locator unsupportedBrowserNotice() {
        return within.getByText("This browser cannot do end-to-end encrypted calls");
    }

    Locator name() {
        return field(within, "Name");
    }

    /** The refusal under the name field. */
    Locator nameError() {
        return within.locator("vaadin-text-field [slot='error-message']");
    }

    /** The key's input. */
    Locator key() {
        return keyField().input();
    }

    KeyFieldPage keyField() {
        return new KeyFieldPage(within, "Encryption key");
    }

    Locator enter() {
        return button(within, "Enter");
    }

    /** Why the last join failed, when it did. */
    Locator error() {
        return within.locator(".form-error");
    }

    Locator generateKey() {
        return button(within, "Generate key");
    }

    Locator copyInviteLink() {
        return button(within, "Copy invite link");
    }

    /** What the page says about the invite link: copied, or the key taken from it. */
    Locator inviteNote() {
        return within.locator(".invite-note");
    }

    Locator checkDevices() {
        return button(within, "Check camera and microphone");
    }

    Locator hideDeviceCheck() {
        return button(within, "Hide the camera and microphone check");
    }

    /** The check's element, which exists only once the check was asked for. */
    Locator deviceCheck() {
        return within.locator("e2ee-device-check");
    }

    /** What the check found: which devices work, or why not. */
    Locator deviceNote() {
        return within.locator(".device-note");
    }

    Locator devicePreview() {
        return within.locator(DEVICE_PREVIEW);
    }

    Locator devicePreviewVideo() {
        return devicePreview().locator("video");
    }

    /** The check's microphone level. */
    Locator microphoneMeter() {
        return within.getByRole(AriaRole.METER);
    }

    DeviceListsPage devices() {
        return new DeviceListsPage(within);
    }

    /** Fills in name and key and presses Enter, without waiting for what follows. */
    void submit(String name, String key) {
        name().fill(name);
        key().fill(key);
        enter().click();
    }
}
