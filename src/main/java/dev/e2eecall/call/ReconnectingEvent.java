package dev.e2eecall.call;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;

/** Fires when the connection to the call dropped and the browser is trying to restore it. */
@DomEvent("e2ee-call-reconnecting")
public class ReconnectingEvent extends ComponentEvent<E2eeVideoCall> {

    public ReconnectingEvent(E2eeVideoCall source, boolean fromClient) {
        super(source, fromClient);
    }
}
