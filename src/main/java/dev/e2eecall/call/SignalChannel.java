package dev.e2eecall.call;

import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The line between a server and the browser side of one participant's call, for servers that take
 * part in the call (local calls relay their signalling over it). {@link E2eeVideoCall#signalChannel()}
 * gives the page's end; whoever relays holds the other and never sees the page.
 */
public interface SignalChannel {

    /** Sends one message to the browser. Safe from any thread; dropped when the browser cannot take it. */
    void send(JsonNode message);

    /**
     * Starts the channel: every message from the browser goes to {@code onMessage}, and
     * {@code onClose} runs when the browser side goes away (the page closed or was navigated away).
     * Messages come from the browser: treat them as untrusted input.
     *
     * @return ends the channel; safe to call more than once
     */
    Closing open(Consumer<JsonNode> onMessage, Runnable onClose);

    /** Ends something that was started; safe to call more than once. */
    @FunctionalInterface
    interface Closing {

        Closing NOTHING = () -> {};

        void close();
    }
}
