package dev.e2eecall.call;

/** An event about a shared screen: this participant's own, or another participant's. */
public abstract class ScreenShareEvent extends ParticipantEvent {

    private final boolean own;

    protected ScreenShareEvent(
            E2eeVideoCall source, boolean fromClient, String participantId, String participantName, boolean own) {
        super(source, fromClient, participantId, participantName);
        this.own = own;
    }

    /** Whether the screen is this participant's own; then the participant id is empty. */
    public boolean isOwn() {
        return own;
    }
}
