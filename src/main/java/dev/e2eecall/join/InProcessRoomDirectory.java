package dev.e2eecall.join;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/** The room directory of a single instance, in its own memory. */
final class InProcessRoomDirectory implements RoomDirectory {

    /** Completed with the room's session id; a future that fails is dropped by the cache itself. */
    private final AsyncCache<RoomName, String> sessions;

    /**
     * @param idleTimeout how long a room is remembered after its last join
     * @param maxRooms    how many rooms are remembered at most; the least recently joined go first
     */
    InProcessRoomDirectory(Duration idleTimeout, long maxRooms) {
        this(idleTimeout, maxRooms, Ticker.systemTicker());
    }

    InProcessRoomDirectory(Duration idleTimeout, long maxRooms, Ticker ticker) {
        this.sessions = Caffeine.newBuilder()
                .expireAfterAccess(idleTimeout)
                .maximumSize(maxRooms)
                .ticker(ticker)
                // evicted in the caller's thread, so that the bound holds when the call returns
                .executor(Runnable::run)
                .buildAsync();
    }

    /** How many rooms are remembered now (an estimate while evictions are under way), for tests. */
    long rooms() {
        return sessions.synchronous().estimatedSize();
    }

    @Override
    public String sessionFor(RoomName room, Function<RoomName, String> create) {
        CompletableFuture<String> created = new CompletableFuture<>();
        CompletableFuture<String> existing = sessions.asMap().putIfAbsent(room, created);
        if (existing == null) {
            // created in the caller's thread, so the REST call keeps its timeout and interrupts
            try {
                created.complete(create.apply(room));
            } catch (RuntimeException e) {
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
