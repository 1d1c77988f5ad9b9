package dev.e2eecall.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.e2eecall.call.CallDisconnectedEvent;
import dev.e2eecall.call.CallTicket;
import dev.e2eecall.call.E2eeVideoCall;
import dev.e2eecall.call.EncryptionKeyField;

/**
 * The call: its status, the videos, microphone and camera toggles, Leave (and Rejoin after a lost
 * connection), and the key change. The page decides when it shows and what ends it.
 */
class CallPanel extends VerticalLayout {

    final E2eeVideoCall call = new E2eeVideoCall();
    private final CallStatus status = new CallStatus();
    private final Span statusText = new Span();
    private final Span mismatchText = new Span();
    private final Button microphone = new Button();
    private final Button camera = new Button();
    private final Button leave = new Button("Leave", event -> call.leave());
    private final Button rejoin = new Button("Rejoin");
    private final EncryptionKeyField newKey = new EncryptionKeyField("New encryption key");
    private final Button change = new Button("Change", event -> changeKey());
    private final Span keyStatus = new Span();
    private boolean microphoneOn = true;
    private boolean cameraOn = true;

    /** @param onRejoin joins the same room again, after the network connection was lost */
    CallPanel(Runnable onRejoin) {
        statusText.addClassName("call-status");
        statusText.getElement().setAttribute("role", "status");
        call.setWidthFull();
        microphone.addClickListener(event -> setMicrophoneOn(!microphoneOn));
        camera.addClickListener(event -> setCameraOn(!cameraOn));
        leave.addThemeVariants(ButtonVariant.ERROR);
        rejoin.addThemeVariants(ButtonVariant.PRIMARY);
        rejoin.addClickListener(event -> {
            rejoin.setEnabled(false);
            onRejoin.run();
        });
        rejoin.setVisible(false);
        newKey.setWidth("20rem");
        keyStatus.getElement().setAttribute("role", "status");
        keyStatus.addClassName("key-status");
        mismatchText.getElement().setAttribute("role", "status");
        mismatchText.addClassName("mismatch-status");
        HorizontalLayout controls = new HorizontalLayout(microphone, camera, leave, rejoin);
        HorizontalLayout keyChange = new HorizontalLayout(newKey, change, keyStatus);
        keyChange.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        setPadding(false);
        add(statusText, mismatchText, call, controls, keyChange);
        refreshToggles();
        listenToCall();
    }

    private void listenToCall() {
        call.addConnectedListener(event -> {
            status.connected();
            rejoin.setVisible(false);
            statusText.setText(status.connectedText());
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
    void join(CallTicket ticket, EncryptionKeyField key) {
        status.connecting();
        mismatchText.setText(status.mismatchText());
        keyStatus.setText("");
        rejoin.setVisible(false);
        statusText.setText(CallStatus.CONNECTING);
        call.join(ticket, key);
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
        rejoin.setEnabled(true);
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

    private void refreshToggles() {
        microphone.setText(CallStatus.microphoneText(microphoneOn));
        microphone.getElement().setAttribute("aria-pressed", Boolean.toString(microphoneOn));
        camera.setText(CallStatus.cameraText(cameraOn));
        camera.getElement().setAttribute("aria-pressed", Boolean.toString(cameraOn));
    }
}
