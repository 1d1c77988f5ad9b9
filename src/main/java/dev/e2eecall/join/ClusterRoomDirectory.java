package dev.e2eecall.join;

import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The room directory shared by every instance of a cluster, in a Hazelcast map. The first join of a
 * room takes the room's lock, creates the session and records it; the others wait on the lock and
 * find it. The cluster releases the lock of an instance that dies meanwhile, so a room is never
 * left stuck.
 */
public final class ClusterRoomDirectory implements RoomDirectory {

    static final String MAP = "room-sessions";

    private final IMap<String, String> sessions;
    private final Duration lockWait;

    /** @param lockWait how long a join waits for another's creation before asking the user to try again */
    public ClusterRoomDirectory(HazelcastInstance cluster, Duration lockWait) {
        this.sessions = cluster.getMap(MAP);
        this.lockWait = lockWait;
    }

    /** The map's settings: rooms forgotten after {@code idleTimeout}, at most {@code maxRooms} on each member. */
    public static MapConfig mapConfig(Duration idleTimeout, int maxRooms) {
        return new MapConfig(MAP)
                .setMaxIdleSeconds(Math.toIntExact(idleTimeout.toSeconds()))
                .setEvictionConfig(new EvictionConfig()
                        .setEvictionPolicy(EvictionPolicy.LRU)
                        .setMaxSizePolicy(MaxSizePolicy.PER_NODE)
                        .setSize(maxRooms));
    }

    @Override
    public String sessionFor(RoomName room, Function<RoomName, String> create) {
        String key = room.value();
        String known = sessions.get(key);
        if (known != null) {
            return known;
        }
        boolean locked;
        try {
            locked = sessions.tryLock(key, lockWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JoinException(JoinException.Reason.NOT_ISSUED, "Joining was interrupted. Please try again.", e);
        }
        if (!locked) {
            throw new JoinException(JoinException.Reason.SERVICE_TIMED_OUT,
                    "The video service did not answer in time. Please try again.");
        }
        try {
            // another instance may have created it while this one waited
            String created = sessions.get(key);
            if (created == null) {
                created = create.apply(room);
                sessions.set(key, created);
            }
            return created;
        } finally {
            sessions.unlock(key);
        }
    }
}
