package dev.e2eecall.call;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;

/** Fires when the connection to the call closed for good, with the reason; camera and microphone are released. */
@DomEvent("e2ee-call-disconnected")
public class CallDisconnectedEvent extends ComponentEvent<E2eeVideoCall> {

    private final String reason;

    public CallDisconnectedEvent(
            E2eeVideoCall source, boolean fromClient, @EventData("event.detail.reason") String reason) {
        super(source, fromClient);
        this.reason = reason;
    }

    /** {@code clientDisconnected}, {@code forceDisconnected} or {@code networkDisconnected}. */
    public String getReason() {
        return reason;
    }

    /** Whether the network took the call away, so joining again makes sense. */
    public boolean isNetworkDisconnect() {
        return "networkDisconnected".equals(reason);
    }
}
