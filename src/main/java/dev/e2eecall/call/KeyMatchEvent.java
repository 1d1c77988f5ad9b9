package dev.e2eecall.call;

import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;

/** Fires when another participant's media decrypts again after a {@link KeyMismatchEvent}. */
@DomEvent("e2ee-call-key-match")
public class KeyMatchEvent extends ParticipantEvent {

    public KeyMatchEvent(
            E2eeVideoCall source,
            boolean fromClient,
            @EventData("event.detail.id") String participantId,
            @EventData("event.detail.name") String participantName) {
        super(source, fromClient, participantId, participantName);
    }
}
