package dev.e2eecall.call;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;

/** Fires when the call's media is encrypted with the new key from {@link E2eeVideoCall#changeKey}. */
@DomEvent("e2ee-call-key-changed")
public class KeyChangedEvent extends ComponentEvent<E2eeVideoCall> {

    public KeyChangedEvent(E2eeVideoCall source, boolean fromClient) {
        super(source, fromClient);
    }
}
