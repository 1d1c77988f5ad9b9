package dev.e2eecall.embed;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;

/**
 * Fires when the framing page opened the call with a display name. A key, if it gave one, is
 * already in the join form's key field in the browser; this event only says whether it came.
 */
@DomEvent("e2ee-embed-open")
public class HostOpenedEvent extends ComponentEvent<EmbedFrame> {

    private final String name;
    private final boolean join;

    public HostOpenedEvent(
            EmbedFrame source,
            boolean fromClient,
            @EventData("event.detail.name") String name,
            @EventData("event.detail.join") boolean join) {
        super(source, fromClient);
        this.name = name;
        this.join = join;
    }

    /** The display name the framing page gave; the join form still checks it. */
    public String getName() {
        return name;
    }

    /** Whether a key came with the name, so that the form can join at once, as if Enter was pressed. */
    public boolean isJoin() {
        return join;
    }
}
