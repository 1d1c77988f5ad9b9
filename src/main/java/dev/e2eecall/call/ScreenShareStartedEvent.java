package dev.e2eecall.call;

import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;

/**
 * Fires when a shared screen arrives in the call: this participant's own (after {@link E2eeVideoCall#setScreenSharing}
 * with {@code true} and the browser's choice of what to share) or another participant's.
 */
@DomEvent("e2ee-call-screen-share-started")
public class ScreenShareStartedEvent extends ScreenShareEvent {

    public ScreenShareStartedEvent(
            E2eeVideoCall source,
            boolean fromClient,
            @EventData("event.detail.id") String participantId,
            @EventData("event.detail.name") String participantName,
            @EventData("event.detail.own") boolean own) {
        super(source, fromClient, participantId, participantName, own);
    }
}
