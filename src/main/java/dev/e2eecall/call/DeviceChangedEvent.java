package dev.e2eecall.call;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import java.util.Locale;

/** Fires when the person switched camera, microphone or speaker in the call's device list; the device id stays in the browser. */
@DomEvent("e2ee-call-device-changed")
public class DeviceChangedEvent extends ComponentEvent<E2eeVideoCall> {

    /** What can be switched in a call. */
    public enum Kind {
        CAMERA,
        MICROPHONE,
        SPEAKER
    }

    private final Kind kind;

    public DeviceChangedEvent(E2eeVideoCall source, boolean fromClient, @EventData("event.detail.kind") String kind) {
        super(source, fromClient);
        this.kind = Kind.valueOf(kind.toUpperCase(Locale.ROOT));
    }

    public Kind getKind() {
        return kind;
    }
}
