package dev.e2eecall.call;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;

/** Fires when this participant is connected to the call and publishing camera and microphone. */
@DomEvent("e2ee-call-connected")
public class CallConnectedEvent extends ComponentEvent<E2eeVideoCall> {

    public CallConnectedEvent(E2eeVideoCall source, boolean fromClient) {
        super(source, fromClient);
    }
}
