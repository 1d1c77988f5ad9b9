package dev.e2eecall.join;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One video session per room, created on the room's first join and only once, even when many
 * people arrive at the same moment. A failed creation is forgotten, so the next join tries again.
 */
public final class RoomSessions {

    /** Completed with the room's session id. */
    private final Map<RoomName, CompletableFuture<String>> sessions = new ConcurrentHashMap<>();
    private final Function<RoomName, String> create;

    /** @param create makes a new session for a room and returns its id, or throws a {@link JoinException} */
    public RoomSessions(Function<RoomName, String> create) {
        this.create = create;
    }

    /** The room's session id; the caller that comes first creates it, the others wait for it. */
    public String sessionFor(RoomName room) {
        CompletableFuture<String> created = new CompletableFuture<>();
        CompletableFuture<String> existing = sessions.putIfAbsent(room, created);
        if (existing == null) {
            try {
                created.complete(create.apply(room));
            } catch (RuntimeException e) {
                sessions.remove(room, created);
                created.completeExceptionally(e);
            }
        }
        try {
            return (existing != null ? existing : created).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
