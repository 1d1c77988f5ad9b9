package dev.e2eecall.call;

import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;

/** Fires when another participant's video and audio arrive in the call. */
@DomEvent("e2ee-call-participant-joined")
public class ParticipantJoinedEvent extends ParticipantEvent {

    public ParticipantJoinedEvent(
            E2eeVideoCall source,
            boolean fromClient,
            @EventData("event.detail.id") String participantId,
            @EventData("event.detail.name") String participantName) {
        super(source, fromClient, participantId, participantName);
    }
}
