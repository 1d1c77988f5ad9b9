package dev.e2eecall.call;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import tools.jackson.databind.JsonNode;

/**
 * Fires when the browser's peer-to-peer engine (local tickets only) has a signalling message for
 * the server to relay: {@code ready}, {@code offer}, {@code answer}, {@code candidate} or
 * {@code bye}. It comes from the browser, so treat its content as untrusted input.
 */
@DomEvent("e2ee-call-signal")
public class SignalEvent extends ComponentEvent<E2eeVideoCall> {

    private final JsonNode message;

    public SignalEvent(E2eeVideoCall source, boolean fromClient, @EventData("event.detail") JsonNode message) {
        super(source, fromClient);
        this.message = message;
    }

    /** The message as the browser sent it. */
    public JsonNode getMessage() {
        return message;
    }
}
