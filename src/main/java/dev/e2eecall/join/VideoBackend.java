package dev.e2eecall.join;

import dev.e2eecall.call.CallTicket;
import dev.e2eecall.call.SignalChannel;

/** Where calls happen: hands out tickets for a room. Closed at shutdown, to release its client or threads. */
public interface VideoBackend extends AutoCloseable {

    /**
     * A ticket for one participant of the room, creating the room's session on its first join.
     *
     * @param requester who asks, for backends whose rooms limit places per network address
     * @throws JoinException with a message for the user when the join cannot happen
     */
    CallTicket join(RoomName room, DisplayName name, Requester requester);

    /**
     * Connects the server side of a call to the browser that runs it, for backends that take part in
     * the call (local calls relay signalling); that part ends when the channel does.
     */
    default void bind(CallTicket ticket, SignalChannel channel) {}

    /** One sentence for the join page saying what carries the calls. */
    String description();

    /** What carries the calls, for clients that run a Vonage Video SDK themselves. */
    Kind kind();

    @Override
    void close();

    /** What carries the calls, and so what a ticket's key is. */
    enum Kind {
        /** Local peer-to-peer calls: no video service, tickets only this app's page can use. */
        LOCAL,
        /** The Vonage Video API with a project's API key and secret: the key is the API key. */
        OPENTOK_PROJECT,
        /** The Vonage Video API with a Vonage application: the key is the application id. */
        VONAGE_APPLICATION
    }
}
