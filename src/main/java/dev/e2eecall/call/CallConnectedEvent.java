package dev.e2eecall.call;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;

/**
 * Fires when this participant is connected to the call and publishing. It says which of camera and
 * microphone the call has: a join may go without either (see {@link DeviceCheck}).
 */
@DomEvent("e2ee-call-connected")
public class CallConnectedEvent extends ComponentEvent<E2eeVideoCall> {

    private final boolean microphone;
    private final boolean camera;

    public CallConnectedEvent(
            E2eeVideoCall source,
            boolean fromClient,
            @EventData("event.detail.microphone") boolean microphone,
            @EventData("event.detail.camera") boolean camera) {
        super(source, fromClient);
        this.microphone = microphone;
        this.camera = camera;
    }

    /** Whether the call has a microphone (muted or not); without one, the others cannot hear this participant. */
    public boolean hasMicrophone() {
        return microphone;
    }

    /** Whether the call has a camera (stopped or not). */
    public boolean hasCamera() {
        return camera;
    }
}
