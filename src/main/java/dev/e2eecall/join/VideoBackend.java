package dev.e2eecall.join;

import dev.e2eecall.call.CallTicket;

/** Where calls happen: hands out tickets for a room. */
public interface VideoBackend {

    /**
     * A ticket for one participant of the room, creating the room's session on its first join.
     *
     * @throws JoinException with a message for the user when the join cannot happen
     */
    CallTicket join(RoomName room, DisplayName name);

    /** One sentence for the join page saying what carries the calls. */
    String description();
}
