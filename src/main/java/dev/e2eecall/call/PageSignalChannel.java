package dev.e2eecall.call;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.shared.ui.Transport;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/** The page's end of a signal channel: the call element's signal events in, its {@code receiveSignal} out. */
final class PageSignalChannel implements SignalChannel {

    private final UI ui;
    private final E2eeVideoCall call;

    PageSignalChannel(UI ui, E2eeVideoCall call) {
        this.ui = ui;
        this.call = call;
    }

    @Override
    public void send(JsonNode message) {
        try {
            ui.access(() -> call.deliverSignal(message));
        } catch (UIDetachedException gone) {
            // the page closed: its detach ends the channel
        }
    }

    @Override
    public Closing open(Consumer<JsonNode> onMessage, Runnable onClose) {
        // the server must reach this page unasked while it is in a relayed call, and only then:
        // a page with no call keeps no websocket open
        ui.getPushConfiguration().setTransport(Transport.WEBSOCKET);
        ui.getPushConfiguration().setPushMode(PushMode.AUTOMATIC);
        Registration signals = call.addSignalListener(event -> onMessage.accept(event.getMessage()));
        Registration detach = call.addDetachListener(event -> onClose.run());
        return () -> {
            signals.remove();
            detach.remove();
            ui.getPushConfiguration().setPushMode(PushMode.DISABLED);
        };
    }
}
