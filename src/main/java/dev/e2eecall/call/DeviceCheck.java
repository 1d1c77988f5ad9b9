package dev.e2eecall.call;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;

/**
 * The camera and microphone check for a join form: a preview, a microphone level meter and the lists
 * of cameras and microphones, shown only after {@link #open()}, so that a page that never asks for it
 * asks for no permission and loads none of it. Hand it to {@link E2eeVideoCall#join(CallTicket,
 * EncryptionKeyField, DeviceCheck)}, and the call uses the devices chosen in it, and none that cannot
 * be used: a person whose camera is denied or missing joins with the microphone alone, or with neither.
 *
 * <p>The choice stays in the browser; {@link DeviceCheckedEvent} says only what works.
 */
@Tag("e2ee-device-check")
@JsModule("./call/devices/device-check.ts")
public class DeviceCheck extends Component {

    /** Opens camera and microphone (the browser may ask for permission) and shows them. Ends in a {@link DeviceCheckedEvent}. */
    public void open() {
        getElement().callJsFunction("open");
    }

    /** Hides the check and releases camera and microphone; the choice stays for the next join. */
    public void close() {
        getElement().callJsFunction("close");
    }

    public Registration addCheckedListener(ComponentEventListener<DeviceCheckedEvent> listener) {
        return addListener(DeviceCheckedEvent.class, listener);
    }
}
