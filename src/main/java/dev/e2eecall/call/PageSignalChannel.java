package dev.e2eecall.call;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.shared.ui.Transport;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The page's end of a signal channel: the call element's signal events in, its {@code receiveSignal}
 * out. Ended by {@link E2eeVideoCall}, which owns it, when the call ends.
 */
final class PageSignalChannel implements SignalChannel {

    private final UI ui;
    private final E2eeVideoCall call;
    private @Nullable Registration signals;
    private @Nullable Runnable onClose;
    private boolean ended;

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
    public void open(Consumer<JsonNode> onMessage, Runnable onClose) {
        if (signals != null) {
            throw new IllegalStateException("the signal channel is open already");
        }
        if (ended) {
            // the call ended before its server side started: that side ends at once
            onClose.run();
            return;
        }
        // the server must reach this page unasked while it is in a relayed call, and only then:
        // a page with no call keeps no websocket open
        ui.getPushConfiguration().setTransport(Transport.WEBSOCKET);
        ui.getPushConfiguration().setPushMode(PushMode.AUTOMATIC);
        this.signals = call.addSignalListener(event -> onMessage.accept(event.getMessage()));
        this.onClose = onClose;
    }

    /** Ends the channel, once: no more messages in, no push connection, and the server side told. */
    void end() {
        if (ended) {
            return;
        }
        ended = true;
        Registration opened = signals;
        Runnable serverSide = onClose;
        if (opened == null || serverSide == null) {
            return;
        }
        opened.remove();
        if (!ui.isClosing()) {
            ui.getPushConfiguration().setPushMode(PushMode.DISABLED);
        }
        serverSide.run();
    }
}
