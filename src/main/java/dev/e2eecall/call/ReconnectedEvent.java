package dev.e2eecall.call;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;

/** Fires when the connection was restored after a {@link ReconnectingEvent}. */
@DomEvent("e2ee-call-reconnected")
public class ReconnectedEvent extends ComponentEvent<E2eeVideoCall> {

    public ReconnectedEvent(E2eeVideoCall source, boolean fromClient) {
        super(source, fromClient);
    }
}
