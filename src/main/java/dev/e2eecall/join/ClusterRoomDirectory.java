package dev.e2eecall.join;

import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.e2eecall.cluster.ClusterSeal;
import dev.e2eecall.cluster.Sealer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The room directory shared by every instance of a cluster, in a Hazelcast map. The first join of a
 * room takes the room's lock, creates the session and records it; the others wait on the lock and
 * find it. The cluster releases the lock of an instance that dies meanwhile, and every lock has a
 * lease, so a room is never left stuck. The map's keys are HMACs of the room names and its values
 * sealed session ids: the cluster never holds a room name.
 */
final class ClusterRoomDirectory implements RoomDirectory {

    static final String MAP = "room-sessions";

    private final IMap<String, Object> sessions;
    private final Sealer sealer;
    private final Duration lockWait;

    /** @param lockWait how long a join waits for another's creation before asking the user to try again */
    ClusterRoomDirectory(HazelcastInstance cluster, ClusterSeal seal, Duration lockWait) {
        this.sessions = cluster.getMap(MAP);
        this.sealer = seal.forUse(MAP);
        this.lockWait = lockWait;
    }

    /** The map's settings: rooms forgotten after {@code idleTimeout}, at most {@code maxRooms} on each member. */
    static MapConfig mapConfig(Duration idleTimeout, int maxRooms) {
        return new MapConfig(MAP)
                .setMaxIdleSeconds(Math.toIntExact(idleTimeout.toSeconds()))
                .setEvictionConfig(new EvictionConfig()
                        .setEvictionPolicy(EvictionPolicy.LRU)
                        .setMaxSizePolicy(MaxSizePolicy.PER_NODE)
                        .setSize(maxRooms));
    }

    @Override
    public String sessionFor(RoomName room, Function<RoomName, String> create) {
        String key = sealer.name(room.value());
        Optional<String> known = known(key);
        if (known.isPresent()) {
            return known.get();
        }
        boolean locked;
        try {
            // held at most as long as a creation may take, even if this instance hangs without dying
            locked = sessions.tryLock(
                    key, lockWait.toMillis(), TimeUnit.MILLISECONDS, lockWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JoinException(JoinException.Reason.NOT_ISSUED, "Joining was interrupted. Please try again.", e);
        }
        if (!locked) {
            throw new JoinException(
                    JoinException.Reason.SERVICE_TIMED_OUT,
                    "The video service did not answer in time. Please try again.");
        }
        try {
            // another instance may have created it while this one waited
            Optional<String> created = known(key);
            if (created.isPresent()) {
                return created.get();
            }
            String session = create.apply(room);
            sessions.set(key, sealer.sealText(key, session));
            return session;
        } finally {
            unlock(key);
        }
    }

    /** The session recorded for the room; a value that does not open is no session (and is overwritten). */
    private Optional<String> known(String key) {
        Object stored = sealer.read(sessions, key);
        return stored == null ? Optional.empty() : sealer.openText(key, stored);
    }

    private void unlock(String key) {
        try {
            sessions.unlock(key);
        } catch (IllegalMonitorStateException leaseOver) {
            // the lease ran out first: the lock is free already
        }
    }
}
