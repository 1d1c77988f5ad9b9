package dev.e2eecall.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.ShortcutRegistration;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.List;

/**
 * The call's control bar: microphone, camera, screen sharing, devices, key change, leave (and rejoin after a lost connection),
 * each with an icon from Vaadin's icon set and a text label that narrow screens hide (the name stays
 * for screen readers and as a tooltip). Ctrl+D and Ctrl+E toggle microphone and camera while the call
 * shows, as in the calls people know.
 */
class CallControls extends Div {

    static final String MICROPHONE_SHORTCUT = "Ctrl+D";
    static final String CAMERA_SHORTCUT = "Ctrl+E";

    final Button microphone = new Button();
    final Button camera = new Button();
    final Button screen = new Button();
    final Button devices = new Button();
    final Button keyChange = new Button();
    final Button leave = new Button();
    final Button rejoin = new Button();
    private final List<ShortcutRegistration> shortcuts = new ArrayList<>();
    private boolean microphonePresent = true;
    private boolean cameraPresent = true;
    private boolean microphoneOn = true;
    private boolean cameraOn = true;

    CallControls() {
        addClassName("call-controls");
        getElement().setAttribute("role", "toolbar");
        getElement().setAttribute("aria-label", "Call controls");
        label(devices, "cog", "Devices", "Choose the camera, microphone and speaker");
        devices.getElement().setAttribute("aria-expanded", "false");
        // shown once in a call, where there are devices to switch
        devices.setVisible(false);
        label(keyChange, "key", "Change key", "Change the encryption key for everyone who types the new one");
        label(leave, "sign-out", "Leave", "Leave the call");
        label(rejoin, "phone", "Rejoin", "Join this room again");
        leave.addThemeVariants(ButtonVariant.ERROR);
        rejoin.addThemeVariants(ButtonVariant.PRIMARY);
        rejoin.setVisible(false);
        // shown once the browser said it can share a screen in the call
        screen.setVisible(false);
        add(microphone, camera, screen, devices, keyChange, leave, rejoin);
        showToggles(true, true);
        showScreenSharing(false);
    }

    /** Draws the toggles for this state: label, icon, pressed state and the tooltip with the shortcut. */
    void showToggles(boolean microphoneOn, boolean cameraOn) {
        this.microphoneOn = microphoneOn;
        this.cameraOn = cameraOn;
        label(
                microphone,
                microphoneOn ? "microphone" : "mute",
                CallStatus.microphoneText(microphoneOn),
                (microphoneOn ? "Mute the microphone" : "Unmute the microphone") + " (" + MICROPHONE_SHORTCUT + ")");
        microphone.getElement().setAttribute("aria-pressed", Boolean.toString(microphoneOn));
        microphone.getElement().setAttribute("aria-keyshortcuts", "Control+D");
        label(
                camera,
                cameraOn ? "movie" : "eye-slash",
                CallStatus.cameraText(cameraOn),
                (cameraOn ? "Stop the camera" : "Start the camera") + " (" + CAMERA_SHORTCUT + ")");
        camera.getElement().setAttribute("aria-pressed", Boolean.toString(cameraOn));
        camera.getElement().setAttribute("aria-keyshortcuts", "Control+E");
        // a device the call went without: pressing its toggle asks the browser again
        if (!microphonePresent) {
            label(microphone, "mute", "No microphone", "This call has no microphone: press to ask for it again");
            microphone.getElement().setAttribute("aria-pressed", "false");
        }
        if (!cameraPresent) {
            label(camera, "eye-slash", "No camera", "This call has no camera: press to ask for it again");
            camera.getElement().setAttribute("aria-pressed", "false");
        }
    }

    boolean isMicrophonePresent() {
        return microphonePresent;
    }

    boolean isCameraPresent() {
        return cameraPresent;
    }

    /** Whether the call has a microphone and a camera at all: a toggle for one it has not is off, and asks again. */
    void showDevicesPresent(boolean microphonePresent, boolean cameraPresent) {
        this.microphonePresent = microphonePresent;
        this.cameraPresent = cameraPresent;
        showToggles(microphoneOn, cameraOn);
    }

    void showScreenSharing(boolean sharing) {
        label(
                screen,
                "desktop",
                sharing ? "Stop sharing" : "Share screen",
                sharing
                        ? "Stop sharing your screen"
                        : "Share your screen, a window or a tab with everyone in the call");
        screen.getElement().setAttribute("aria-pressed", Boolean.toString(sharing));
    }

    /** Turns the keyboard shortcuts on while a call shows; off on the form, where the keys keep their usual meaning. */
    void shortcutsActive(boolean active) {
        shortcuts.forEach(ShortcutRegistration::remove);
        shortcuts.clear();
        if (active) {
            shortcuts.add(microphone.addClickShortcut(Key.KEY_D, KeyModifier.CONTROL));
            shortcuts.add(camera.addClickShortcut(Key.KEY_E, KeyModifier.CONTROL));
        }
    }

    /** The label is also the accessible name, so that it stays when narrow screens hide the text. */
    private static void label(Button button, String icon, String text, String tooltip) {
        button.setText(text);
        button.setIcon(new CallIcon(icon));
        button.getElement().setAttribute("aria-label", text);
        button.getElement().setAttribute("title", tooltip);
    }

    /** An icon of the call screen's set ({@code frontend/call/call-icons.ts}), which loads with the call. */
    @Tag("e2ee-call-icon")
    private static final class CallIcon extends Component {
        CallIcon(String name) {
            getElement().setAttribute("icon", name);
        }
    }
}
