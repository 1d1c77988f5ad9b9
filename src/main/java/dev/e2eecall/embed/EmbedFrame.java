package dev.e2eecall.embed;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;
import dev.e2eecall.call.CallTicket;
import dev.e2eecall.call.E2eeVideoCall;
import dev.e2eecall.call.EncryptionKeyField;
import java.util.List;

/**
 * The call page's side of {@code /embed.js}: a Java API over the invisible {@code <e2ee-embed-frame>}
 * element. When the page is framed by one of {@code origins}, the element passes the framing page's
 * key into the key field (in the browser), tells the framing page what the call element reports,
 * and fires {@link HostOpenedEvent} and {@link HostCommandEvent} for the rest. Messages from any
 * other origin, or from a window other than the parent, are ignored. A page that is not framed
 * loads nothing more.
 */
@Tag("e2ee-embed-frame")
@JsModule("./embed/embed-frame.ts")
public class EmbedFrame extends Component {

    private final List<String> origins;
    private final E2eeVideoCall call;
    private final EncryptionKeyField keyField;

    /**
     * @param origins  the web origins allowed to frame the page and command it, as browsers send them
     * @param call     the call whose events the framing page hears
     * @param keyField the join form's key field, where a key from the framing page goes
     */
    public EmbedFrame(List<String> origins, E2eeVideoCall call, EncryptionKeyField keyField) {
        this.origins = List.copyOf(origins);
        this.call = call;
        this.keyField = keyField;
        getElement().setAttribute("hidden", true);
    }

    /** Says which room and name the next {@code joined} event reports; call it with each join. */
    public void joining(CallTicket ticket) {
        getElement().callJsFunction("joining", ticket.room(), ticket.name());
    }

    public Registration addOpenedListener(ComponentEventListener<HostOpenedEvent> listener) {
        return addListener(HostOpenedEvent.class, listener);
    }

    public Registration addCommandListener(ComponentEventListener<HostCommandEvent> listener) {
        return addListener(HostCommandEvent.class, listener);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        // again on each attach: a reloaded page has a new element
        getElement().callJsFunction("start", origins, call.getElement(), keyField.getElement());
    }
}
