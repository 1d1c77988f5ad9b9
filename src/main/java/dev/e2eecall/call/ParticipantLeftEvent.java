package dev.e2eecall.call;

import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;

/** Fires when another participant's video and audio left the call; their tile is gone. */
@DomEvent("e2ee-call-participant-left")
public class ParticipantLeftEvent extends ParticipantEvent {

    public ParticipantLeftEvent(
            E2eeVideoCall source,
            boolean fromClient,
            @EventData("event.detail.id") String participantId,
            @EventData("event.detail.name") String participantName) {
        super(source, fromClient, participantId, participantName);
    }
}
