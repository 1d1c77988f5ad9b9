package dev.e2eecall.join;

import java.util.function.Function;

/**
 * Which video session each room has: one per room, created on the room's first join and only once,
 * however many people, on however many instances of this app, arrive at the same moment. A failed
 * creation is forgotten, so the next join tries again; a room nobody joins for a while is
 * forgotten too, and the directory holds a bounded number of rooms.
 */
public interface RoomDirectory {

    /**
     * The room's session id. The first caller creates it with {@code create}; the others wait for it.
     *
     * @param create makes a new session for the room and returns its id, or throws a {@link JoinException}
     */
    String sessionFor(RoomName room, Function<RoomName, String> create);
}
