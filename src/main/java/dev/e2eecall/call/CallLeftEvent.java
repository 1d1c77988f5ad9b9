package dev.e2eecall.call;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;

/** Fires when {@link E2eeVideoCall#leave} has finished: connection closed, camera and microphone released. */
@DomEvent("e2ee-call-left")
public class CallLeftEvent extends ComponentEvent<E2eeVideoCall> {

    public CallLeftEvent(E2eeVideoCall source, boolean fromClient) {
        super(source, fromClient);
    }
}
