package dev.e2eecall.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
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

    /** How long a notice shows: long enough to read a sentence. */
    static final int NOTICE_MILLIS = 5000;

    final E2eeVideoCall call = new E2eeVideoCall();
    private final CallStatus status = new CallStatus();
    private final Span statusText = new Span();
    private final CallControls controls = new CallControls();
    private final Button rejoin = controls.rejoin;
    private final HorizontalLayout keyChange;
    private final EncryptionKeyField newKey = new EncryptionKeyField("New encryption key");
    private final Button change = new Button("Change", event -> changeKey());
    private final KeyTools keyTools = new KeyTools();
    private final Button generateKey = new Button("Generate key", event -> keyTools.generateKey(newKey));
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
        controls.microphone.addClickListener(event -> {
            if (controls.isMicrophonePresent()) {
                setMicrophoneOn(!microphoneOn);
            } else {
                retry(E2eeVideoCall.Device.MICROPHONE, onRejoin);
            }
        });
        controls.camera.addClickListener(event -> {
            if (controls.isCameraPresent()) {
                setCameraOn(!cameraOn);
            } else {
                retry(E2eeVideoCall.Device.CAMERA, onRejoin);
            }
        });
        controls.leave.addClickListener(event -> call.leave());
        controls.screen.addClickListener(event -> call.setScreenSharing(!sharingScreen));
        controls.keyChange.addClickListener(event -> showKeyChange(!isKeyChangeShown()));
        controls.devices.addClickListener(event -> showDevices(!devicesShown));
        rejoin.addClickListener(event -> {
            rejoin.setEnabled(false);
            onRejoin.run();
        });
        newKey.setWidth("min(20rem, 100%)");
        generateKey.addThemeVariants(ButtonVariant.TERTIARY);
        keyChange = new HorizontalLayout(newKey, generateKey, change, keyTools);
        keyChange.addClassName("key-change");
        keyChange.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        keyChange.setWrap(true);
        // one line for the current state; passing news comes as notices that fade
        Div statusLine = new Div(statusText);
        statusLine.addClassName("call-status-line");
        // the key change opens over the videos, above the controls, so that the grid never moves
        Div bottom = new Div(keyChange, controls);
        bottom.addClassName("call-bottom");
        add(statusLine, call, bottom);
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
            statusText.setText(status.connectedText());
        });
        call.addKeyMismatchListener(event -> {
            status.keyMismatch(event.getParticipantId(), event.getParticipantName());
            statusText.setText(status.connectedText());
        });
        call.addKeyMatchListener(event -> {
            status.keyMatch(event.getParticipantId());
            statusText.setText(status.connectedText());
        });
        call.addKeyChangedListener(event -> {
            showKeyChange(false);
            controls.keyChange.focus();
            notice(CallStatus.KEY_CHANGED);
        });
        call.addReconnectingListener(event -> statusText.setText(CallStatus.RECONNECTING));
        call.addReconnectedListener(event -> statusText.setText(status.connectedText()));
    }

    /** Asks the browser again for a device the call went without; once it can be had, joins again with it. */
    private void retry(E2eeVideoCall.Device device, Runnable onRejoin) {
        call.retryDevice(device).thenAccept(allowed -> {
            if (allowed && stage() == CallStatus.Stage.IN_CALL) {
                onRejoin.run();
            }
        });
    }

    /** Hands the ticket and the key field to the element, which joins in the browser. */
    void join(CallTicket ticket, EncryptionKeyField key, DeviceCheck devices) {
        status.connecting();
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
        notice(message);
    }

    /** News that passes, such as a key change: shown for a few seconds, announced once by screen readers. */
    private void notice(String message) {
        Notification notice = new Notification(message, NOTICE_MILLIS, Notification.Position.TOP_CENTER);
        notice.addClassName("call-notice");
        notice.open();
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
