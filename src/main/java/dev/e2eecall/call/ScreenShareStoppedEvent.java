package dev.e2eecall.call;

import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;

/**
 * Fires when a shared screen leaves the call: stopped with {@link E2eeVideoCall#setScreenSharing}, from the
 * browser's own "Stop sharing" control, or because its sharer left.
 */
@DomEvent("e2ee-call-screen-share-stopped")
public class ScreenShareStoppedEvent extends ScreenShareEvent {

    public ScreenShareStoppedEvent(
            E2eeVideoCall source,
            boolean fromClient,
            @EventData("event.detail.id") String participantId,
            @EventData("event.detail.name") String participantName,
            @EventData("event.detail.own") boolean own) {
        super(source, fromClient, participantId, participantName, own);
    }
}
