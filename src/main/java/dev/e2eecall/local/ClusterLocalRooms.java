package dev.e2eecall.local;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import dev.e2eecall.cluster.ClusterSeal;
import dev.e2eecall.local.SealedRooms.Opened;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The local rooms of a cluster: who is in which room lives in a Hazelcast map, sealed, under the
 * HMAC of the room's name, and changes by compare-and-set (one room at a time, atomically); messages
 * to the participants go by {@link ClusterPost}. When an instance dies, its participants
 * leave every room, and the others are told.
 */
final class ClusterLocalRooms implements LocalRooms, AutoCloseable {

    static final String ROOMS = "local-rooms";
    /** Held while a new room is opened, so that the cap on rooms holds for the cluster as a whole. */
    private static final String OPENING = "~opening";

    private static final Duration OPENING_WAIT = Duration.ofSeconds(10);
    /** Entering takes milliseconds: a holder that hangs frees the lock after this. */
    private static final Duration OPENING_LEASE = Duration.ofSeconds(5);

    private static final Refused BUSY = new Refused("BUSY", "This server is busy. Try again in a moment.");

    private static final Logger log = LoggerFactory.getLogger(ClusterLocalRooms.class);

    private final HazelcastInstance cluster;
    private final IMap<String, Object> rooms;
    private final SealedRooms sealedRooms;
    private final ClusterPost post;
    private final String instance;
    private final int maxRooms;
    private final int placesPerAddress;
    private final UUID membershipListener;

    ClusterLocalRooms(HazelcastInstance cluster, ClusterSeal seal, int maxRooms, int placesPerAddress) {
        this.cluster = cluster;
        this.rooms = cluster.getMap(ROOMS);
        this.sealedRooms = new SealedRooms(seal.forUse(ROOMS));
        this.instance = cluster.getCluster().getLocalMember().getUuid().toString();
        this.post = new ClusterPost(cluster, seal.forUse(ClusterPost.TOPIC_PREFIX), instance);
        this.maxRooms = maxRooms;
        this.placesPerAddress = placesPerAddress;
        this.membershipListener = cluster.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                // a new instance brings no participants
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                forgetInstance(event.getMember().getUuid().toString());
            }
        });
    }

    @Override
    public boolean hasRoomFor(String room, String address) {
        String key = sealedRooms.key(room);
        Optional<Opened> opened = sealedRooms.open(key, sealedRooms.read(rooms, key));
        return opened.isEmpty() ? rooms.size() < maxRooms : opened.get().state().admits(address, placesPerAddress);
    }

    @Override
    public Admission enter(
            String room, String id, String name, String address, String salt, Consumer<ObjectNode> inbox) {
        Occupant newcomer = new Occupant(id, name, address, instance);
        post.open(id, inbox);
        Admission admission = BUSY;
        // entering is rare and quick: one at a time in the cluster keeps the cap on rooms exact
        if (lockOpening()) {
            try {
                admission = change(sealedRooms.key(room), room, RoomState.ROOMS_FULL, state -> {
                    if (state.isEmpty() && rooms.size() >= maxRooms) {
                        return Change.keep(RoomState.ROOMS_FULL);
                    }
                    Optional<Refused> refusal = state.refusal(newcomer, placesPerAddress);
                    if (refusal.isPresent()) {
                        return Change.keep(refusal.get());
                    }
                    RoomState entered = state.with(newcomer, salt);
                    return new Change<>(entered, new Admitted(state.occupants(), entered.callSalt()));
                });
            } finally {
                unlockOpening();
            }
        }
        if (admission instanceof Admitted admitted) {
            ObjectNode news = RoomNews.joined(newcomer);
            admitted.others().forEach(other -> post.deliver(other, news.deepCopy()));
        } else {
            post.close(id);
        }
        return admission;
    }

    @Override
    public void leave(String room, String participantId) {
        post.close(participantId);
        Departure departure = this.<@Nullable Departure>change(
                sealedRooms.key(room), room, null, state -> leaving(state, participantId));
        if (departure != null) {
            tell(departure);
        }
    }

    @Override
    public boolean send(String room, String participantId, ObjectNode message) {
        String key = sealedRooms.key(room);
        Optional<Occupant> to = sealedRooms
                .open(key, sealedRooms.read(rooms, key))
                .flatMap(opened -> opened.state().find(participantId));
        to.ifPresent(occupant -> post.deliver(occupant, message));
        return to.isPresent();
    }

    @Override
    public Map<String, Integer> occupancy() {
        Map<String, Integer> occupancy = new HashMap<>();
        for (String key : keys()) {
            sealedRooms
                    .open(key, sealedRooms.read(rooms, key))
                    .ifPresent(opened -> occupancy.put(
                            opened.room(), opened.state().occupants().size()));
        }
        return occupancy;
    }

    /** Takes everyone whose page ran on a lost instance out of their rooms and tells the rest. */
    void forgetInstance(String lost) {
        int count = 0;
        for (String key : keys()) {
            List<Departure> departures = change(key, null, List.of(), state -> {
                RoomState rest = state;
                for (Occupant occupant : state.occupants()) {
                    if (occupant.instance().equals(lost)) {
                        rest = rest.without(occupant.id());
                    }
                }
                if (rest == state) {
                    return Change.keep(List.<Departure>of());
                }
                // everyone left is told about every departure
                List<Occupant> remaining = rest.occupants();
                List<Departure> gone = state.occupants().stream()
                        .filter(occupant -> occupant.instance().equals(lost))
                        .map(occupant -> new Departure(occupant, remaining))
                        .toList();
                return new Change<>(rest.isEmpty() ? null : rest, gone);
            });
            departures.forEach(this::tell);
            count += departures.size();
        }
        if (count > 0) {
            log.info("An instance left the cluster: {} of its local call participants left their rooms", count);
        }
    }

    private static Change<@Nullable Departure> leaving(RoomState state, String participantId) {
        Optional<Occupant> gone = state.find(participantId);
        if (gone.isEmpty()) {
            return Change.keep(null);
        }
        RoomState rest = state.without(participantId);
        return new Change<>(rest.isEmpty() ? null : rest, new Departure(gone.get(), rest.occupants()));
    }

    /**
     * Applies a change to one room by compare-and-set, deciding again when another instance changed
     * it meanwhile. A value that does not open counts as an empty room and is overwritten.
     *
     * @param room the room's name, or null to leave alone an entry whose name cannot be read
     */
    private <R extends @Nullable Object> R change(
            String key, @Nullable String room, R whenUnreadable, Function<RoomState, Change<R>> decide) {
        while (true) {
            Object stored = sealedRooms.read(rooms, key);
            Optional<Opened> opened = sealedRooms.open(key, stored);
            String name = opened.map(Opened::room).orElse(room);
            if (name == null) {
                return whenUnreadable;
            }
            Change<R> change = decide.apply(opened.map(Opened::state).orElse(RoomState.EMPTY));
            if (!change.write()) {
                return change.answer();
            }
            RoomState next = change.next();
            boolean done = stored == null
                    ? next == null || rooms.putIfAbsent(key, sealedRooms.seal(key, name, next)) == null
                    : next == null
                            ? rooms.remove(key, stored)
                            : rooms.replace(key, stored, sealedRooms.seal(key, name, next));
            if (done) {
                return change.answer();
            }
        }
    }

    /** The map's keys that can be this app's: anyone on the port may put other keys, of other classes. */
    private List<String> keys() {
        try {
            return ((IMap<?, ?>) rooms)
                    .keySet().stream()
                            .filter(String.class::isInstance)
                            .map(String.class::cast)
                            .toList();
        } catch (HazelcastSerializationException | SecurityException refused) {
            log.warn("The local rooms hold a key of a class that may not be read: the rooms were not listed");
            return List.of();
        }
    }

    /** A room's next state (null: remove it), whether to write it, and what to answer. */
    private record Change<R extends @Nullable Object>(
            @Nullable RoomState next, R answer, boolean write) {
        Change(@Nullable RoomState next, R answer) {
            this(next, answer, true);
        }

        static <R extends @Nullable Object> Change<R> keep(R answer) {
            return new Change<>(null, answer, false);
        }
    }

    private boolean lockOpening() {
        try {
            return rooms.tryLock(
                    OPENING,
                    OPENING_WAIT.toMillis(),
                    TimeUnit.MILLISECONDS,
                    OPENING_LEASE.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void unlockOpening() {
        try {
            rooms.unlock(OPENING);
        } catch (IllegalMonitorStateException leaseOver) {
            // the lease ran out first: the lock is free already
        }
    }

    private void tell(Departure departure) {
        ObjectNode news = RoomNews.left(departure.gone());
        departure.others().forEach(other -> post.deliver(other, news.deepCopy()));
    }

    @Override
    public void close() {
        post.close();
        // the member stopped first: its listeners went with it
        if (cluster.getLifecycleService().isRunning()) {
            cluster.getCluster().removeMembershipListener(membershipListener);
        }
    }

    /** Who left a room, and who is still in it. */
    record Departure(Occupant gone, List<Occupant> others) {}
}
