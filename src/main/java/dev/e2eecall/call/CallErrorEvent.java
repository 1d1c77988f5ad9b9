package dev.e2eecall.call;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;

/**
 * Fires when joining, changing the key or the call itself failed. Everything the failed step held is
 * released, so the user can try again.
 */
@DomEvent("e2ee-call-error")
public class CallErrorEvent extends ComponentEvent<E2eeVideoCall> {

    private final String errorName;
    private final String message;

    public CallErrorEvent(
            E2eeVideoCall source,
            boolean fromClient,
            @EventData("event.detail.name") String errorName,
            @EventData("event.detail.message") String message) {
        super(source, fromClient);
        this.errorName = errorName;
        this.message = message;
    }

    /** The error's name, such as {@code OT_CONNECT_FAILED} or {@code INVALID_KEY_LENGTH}. */
    public String getErrorName() {
        return errorName;
    }

    /** A sentence for the user saying what went wrong. */
    public String getMessage() {
        return message;
    }

    /** Whether the error is about the encryption key the user typed. */
    public boolean isKeyError() {
        return "INVALID_KEY_LENGTH".equals(errorName) || "OT_INVALID_ENCRYPTION_SECRET".equals(errorName);
    }
}
