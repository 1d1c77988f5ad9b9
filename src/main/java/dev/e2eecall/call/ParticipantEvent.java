package dev.e2eecall.call;

import com.vaadin.flow.component.ComponentEvent;

/** An event about one other participant of the call. */
public abstract class ParticipantEvent extends ComponentEvent<E2eeVideoCall> {

    private final String participantId;
    private final String participantName;

    protected ParticipantEvent(E2eeVideoCall source, boolean fromClient, String participantId, String participantName) {
        super(source, fromClient);
        this.participantId = participantId;
        this.participantName = participantName;
    }

    /** Identifies the participant's stream within the call. */
    public String getParticipantId() {
        return participantId;
    }

    /** The participant's display name, as they typed it (text, never markup). */
    public String getParticipantName() {
        return participantName;
    }
}
