package dev.e2eecall.call;

import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The line between a server and the browser side of one participant's call, for servers that take
 * part in the call (local calls relay their signalling over it). {@link E2eeVideoCall#signalChannel()}
 * gives the page's end; whoever relays holds the other and never sees the page. The call component
 * owns the page's end and ends the channel with the call, so neither the relay nor the view has to.
 */
public interface SignalChannel {

    /** Sends one message to the browser. Safe from any thread; dropped when the browser cannot take it. */
    void send(JsonNode message);

    /**
     * Starts the channel: every message from the browser goes to {@code onMessage}, and
     * {@code onClose} runs once when the channel ends: the call was left, was disconnected or failed
     * before it connected, another join took its place, or the call left the page (closed or
     * navigated away). Messages come from the browser: treat them as untrusted input.
     */
    void open(Consumer<JsonNode> onMessage, Runnable onClose);
}
