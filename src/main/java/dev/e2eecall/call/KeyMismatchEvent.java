package dev.e2eecall.call;

import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;

/** Fires when another participant's media cannot be decrypted with this browser's key: they typed a different one. */
@DomEvent("e2ee-call-key-mismatch")
public class KeyMismatchEvent extends ParticipantEvent {

    public KeyMismatchEvent(
            E2eeVideoCall source,
            boolean fromClient,
            @EventData("event.detail.id") String participantId,
            @EventData("event.detail.name") String participantName) {
        super(source, fromClient, participantId, participantName);
    }
}
