package dev.e2eecall.call;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;

/** Fires when the check found out what camera and microphone can do, and again after each change of device. */
@DomEvent("e2ee-device-checked")
public class DeviceCheckedEvent extends ComponentEvent<DeviceCheck> {

    /** How a device of the check stands. */
    public enum Status {
        /** In use: the call joins with it. */
        ON,
        /** Declined by the person ("No camera"). */
        OFF,
        /** The browser is not allowed to use it. */
        DENIED,
        /** There is none. */
        MISSING,
        /** It could not start, for example because another application holds it. */
        BUSY;

        static Status from(String status) {
            return switch (status) {
                case "on" -> ON;
                case "off" -> OFF;
                case "denied" -> DENIED;
                case "missing" -> MISSING;
                default -> BUSY;
            };
        }
    }

    private final Status camera;
    private final Status microphone;

    public DeviceCheckedEvent(
            DeviceCheck source,
            boolean fromClient,
            @EventData("event.detail.camera") String camera,
            @EventData("event.detail.microphone") String microphone) {
        super(source, fromClient);
        this.camera = Status.from(camera);
        this.microphone = Status.from(microphone);
    }

    public Status getCamera() {
        return camera;
    }

    public Status getMicrophone() {
        return microphone;
    }
}
