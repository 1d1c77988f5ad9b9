package dev.e2eecall.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.e2eecall.call.CallDisconnectedEvent;
import dev.e2eecall.call.CallTicket;
import dev.e2eecall.call.DeviceCheck;
import dev.e2eecall.call.E2eeVideoCall;
import dev.e2eecall.call.EncryptionKeyField;

/**
 * The call, filling the window: its status, the videos, the control bar (microphone, camera, key
 * change, Leave, and Rejoin after a lost connection) and the key change it opens. The page decides
 * when it shows and what ends it.
 */
class CallPanel extends VerticalLayout {

    final E2eeVideoCall call = new E2eeVideoCall();
    private final CallStatus status = new CallStatus();
    private final Span statusText = new Span();
    private final Span mismatchText = new Span();
    private final CallControls controls = new CallControls();
    private final Button rejoin = controls.rejoin;
    private final HorizontalLayout keyChange;
    private final EncryptionKeyField newKey = new EncryptionKeyField("New encryption key");
    private final Button change = new Button("Change", event -> changeKey());
    private final Span keyStatus = new Span();
    private boolean microphoneOn = true;
    private boolean cameraOn = true;
    private boolean sharingScreen;
    private boolean devicesShown;

    /** @param onRejoin joins the same room again, after the network connection was lost */
    CallPanel(Runnable onRejoin) {
        statusText.addClassName("call-status");
        statusText.getElement().setAttribute("role", "status");
        addClassName("call-panel");
        call.setWidthFull();
        controls.microphone.addClickListener(event -> setMicrophoneOn(!microphoneOn));
        controls.camera.addClickListener(event -> setCameraOn(!cameraOn));
        controls.leave.addClickListener(event -> call.leave());
        controls.screen.addClickListener(event -> call.setScreenSharing(!sharingScreen));
        controls.keyChange.addClickListener(event -> showKeyChange(!isKeyChangeShown()));
        controls.devices.addClickListener(event -> showDevices(!devicesShown));
        rejoin.addClickListener(event -> {
            rejoin.setEnabled(false);
            onRejoin.run();
        });
        newKey.setWidth("min(20rem, 100%)");
        keyStatus.getElement().setAttribute("role", "status");
        keyStatus.addClassName("key-status");
        mismatchText.getElement().setAttribute("role", "status");
        mismatchText.addClassName("mismatch-status");
        keyChange = new HorizontalLayout(newKey, change);
        keyChange.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        keyChange.setWrap(true);
        Div statusLine = new Div(statusText, mismatchText, keyStatus);
        statusLine.addClassName("call-status-line");
        add(statusLine, call, keyChange, controls);
        showKeyChange(false);
        refreshToggles();
        listenToCall();
    }

    private void listenToCall() {
        call.addConnectedListener(event -> {
            status.connected();
            rejoin.setVisible(false);
            statusText.setText(status.connectedText());
            call.checkScreenSharing().thenAccept(controls.screen::setVisible);
            controls.showDevicesPresent(event.hasMicrophone(), event.hasCamera());
            controls.devices.setVisible(true);
        });
        call.addScreenShareStartedListener(event -> {
            if (event.isOwn()) {
                showScreenSharing(true);
            }
        });
        call.addScreenShareStoppedListener(event -> {
            if (event.isOwn()) {
                showScreenSharing(false);
            }
        });
        call.addParticipantJoinedListener(event -> {
            status.joined(event.getParticipantId(), event.getParticipantName());
            statusText.setText(status.connectedText());
        });
        call.addParticipantLeftListener(event -> {
            status.left(event.getParticipantId());
            mismatchText.setText(status.mismatchText());
            statusText.setText(status.connectedText());
        });
        call.addKeyMismatchListener(event -> {
            status.keyMismatch(event.getParticipantId(), event.getParticipantName());
            mismatchText.setText(status.mismatchText());
        });
        call.addKeyMatchListener(event -> {
            status.keyMatch(event.getParticipantId());
            mismatchText.setText(status.mismatchText());
        });
        call.addKeyChangedListener(event -> keyStatus.setText(CallStatus.KEY_CHANGED));
        call.addReconnectingListener(event -> statusText.setText(CallStatus.RECONNECTING));
        call.addReconnectedListener(event -> statusText.setText(status.connectedText()));
    }

    /** Hands the ticket and the key field to the element, which joins in the browser. */
    void join(CallTicket ticket, EncryptionKeyField key, DeviceCheck devices) {
        status.connecting();
        mismatchText.setText(status.mismatchText());
        keyStatus.setText("");
        rejoin.setVisible(false);
        statusText.setText(CallStatus.CONNECTING);
        controls.shortcutsActive(true);
        call.join(ticket, key, devices);
    }

    CallStatus.Stage stage() {
        return status.stage();
    }

    /**
     * Says why the call ended, and offers Rejoin after a lost network connection.
     *
     * @return whether the panel stays to say so; otherwise the call was left on purpose
     */
    boolean disconnected(CallDisconnectedEvent event) {
        status.disconnected();
        if (event.isNetworkDisconnect()) {
            statusText.setText(CallStatus.NETWORK_LOST);
            rejoin.setEnabled(true);
            rejoin.setVisible(true);
            return true;
        }
        if ("forceDisconnected".equals(event.getReason())) {
            statusText.setText(CallStatus.REMOVED);
            return true;
        }
        return false;
    }

    /** A failure that leaves the call running, such as a refused key change. */
    void showCallError(String message) {
        keyStatus.setText(message);
    }

    /** The call is over and the form is back. */
    void ended() {
        status.ended();
        showScreenSharing(false);
        controls.screen.setVisible(false);
        controls.devices.setVisible(false);
        controls.showDevicesPresent(true, true);
        showDevices(false);
        rejoin.setEnabled(true);
        controls.shortcutsActive(false);
        showKeyChange(false);
    }

    /**
     * Shows or hides the key change with the {@code hidden} attribute: the new key field must stay in
     * the browser, which reads the key from it.
     */
    private void showKeyChange(boolean shown) {
        keyChange.getElement().setAttribute("hidden", !shown);
        controls.keyChange.getElement().setAttribute("aria-expanded", Boolean.toString(shown));
        if (shown) {
            newKey.focus();
        }
    }

    private void showDevices(boolean shown) {
        devicesShown = shown;
        call.setDevicesShown(shown);
        controls.devices.getElement().setAttribute("aria-expanded", Boolean.toString(shown));
    }

    private boolean isKeyChangeShown() {
        return !keyChange.getElement().hasAttribute("hidden");
    }

    private void changeKey() {
        keyStatus.setText("");
        newKey.checkKey().whenComplete((check, failure) -> {
            if (failure == null && check.valid()) {
                newKey.setErrorMessage(null);
                call.changeKey(newKey);
            } else {
                newKey.setErrorMessage(failure == null ? check.message() : JoinForm.KEY_CHECK_FAILED);
                newKey.focus();
            }
        });
    }

    void setMicrophoneOn(boolean on) {
        microphoneOn = on;
        call.setMicrophoneOn(on);
        refreshToggles();
    }

    void setCameraOn(boolean on) {
        cameraOn = on;
        call.setCameraOn(on);
        refreshToggles();
    }

    private void showScreenSharing(boolean sharing) {
        sharingScreen = sharing;
        controls.showScreenSharing(sharing);
    }

    private void refreshToggles() {
        controls.showToggles(microphoneOn, cameraOn);
    }
}
