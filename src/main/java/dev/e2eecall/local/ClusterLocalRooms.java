package dev.e2eecall.local;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.config.ReliableTopicConfig;
import com.hazelcast.config.RingbufferConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.TopicOverloadPolicy;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The local rooms of a cluster: who is in which room lives in a Hazelcast map, changed only by entry
 * processors (one room at a time, atomically); a message for a participant whose page runs on another
 * instance travels over that instance's reliable topic. When an instance dies, its participants leave
 * every room, and the others are told.
 */
final class ClusterLocalRooms implements LocalRooms, AutoCloseable {

    static final String ROOMS = "local-rooms";
    static final String TOPIC_PREFIX = "local-signals-";
    /** Held while a new room is opened, so that the cap on rooms holds for the cluster as a whole. */
    private static final String OPENING = "~opening";

    private static final Logger log = LoggerFactory.getLogger(ClusterLocalRooms.class);
    private static final JsonMapper json = JsonMapper.builder().build();

    private final HazelcastInstance cluster;
    private final IMap<String, RoomState> rooms;
    private final String instance;
    private final int maxRooms;
    private final int placesPerAddress;
    /** The pages on this instance, by participant id. */
    private final Map<String, Consumer<ObjectNode>> inboxes = new ConcurrentHashMap<>();
    private final UUID topicListener;
    private final UUID membershipListener;

    /** A message for a participant on another instance; the JSON as text, nothing else. */
    record Envelope(String to, String message) implements Serializable {
    }

    ClusterLocalRooms(HazelcastInstance cluster, int maxRooms, int placesPerAddress) {
        this.cluster = cluster;
        this.rooms = cluster.getMap(ROOMS);
        this.instance = cluster.getCluster().getLocalMember().getUuid().toString();
        this.maxRooms = maxRooms;
        this.placesPerAddress = placesPerAddress;
        this.topicListener = topicOf(instance).addMessageListener(message -> deliverHere(message.getMessageObject()));
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

    /** Topic settings: a bounded ring per instance that drops the oldest message rather than block a sender. */
    static void configure(Config config) {
        config.addReliableTopicConfig(new ReliableTopicConfig(TOPIC_PREFIX + "*")
                .setTopicOverloadPolicy(TopicOverloadPolicy.DISCARD_OLDEST));
        config.addRingBufferConfig(new RingbufferConfig("_hz_rb_" + TOPIC_PREFIX + "*")
                .setCapacity(1000)
                .setTimeToLiveSeconds(60));
    }

    @Override
    public boolean hasRoomFor(String room, String address) {
        RoomState state = rooms.get(room);
        return state == null ? rooms.size() < maxRooms : state.admits(address, placesPerAddress);
    }

    @Override
    public Admission enter(String room, String id, String name, String address, String salt,
            Consumer<ObjectNode> inbox) {
        Occupant newcomer = new Occupant(id, name, address, instance);
        inboxes.put(id, inbox);
        Admission admission;
        // entering is rare and quick: one at a time in the cluster keeps the cap on rooms exact
        rooms.lock(OPENING);
        try {
            admission = !rooms.containsKey(room) && rooms.size() >= maxRooms
                    ? RoomState.ROOMS_FULL
                    : rooms.executeOnKey(room, new Enter(newcomer, salt, placesPerAddress));
        } finally {
            rooms.unlock(OPENING);
        }
        if (admission instanceof Admitted admitted) {
            ObjectNode news = RoomNews.joined(newcomer);
            admitted.others().forEach(other -> deliver(other, news.deepCopy()));
        } else {
            inboxes.remove(id);
        }
        return admission;
    }

    @Override
    public void leave(String room, String participantId) {
        inboxes.remove(participantId);
        Departure departure = rooms.executeOnKey(room, new Leave(participantId));
        if (departure != null) {
            tell(departure);
        }
    }

    @Override
    public boolean send(String room, String participantId, ObjectNode message) {
        RoomState state = rooms.get(room);
        Optional<Occupant> to = state == null ? Optional.empty() : state.find(participantId);
        to.ifPresent(occupant -> deliver(occupant, message));
        return to.isPresent();
    }

    @Override
    public Map<String, Integer> occupancy() {
        Map<String, Integer> occupancy = new HashMap<>();
        rooms.forEach((room, state) -> occupancy.put(room, state.occupants().size()));
        return occupancy;
    }

    /** Takes everyone whose page ran on a lost instance out of their rooms and tells the rest. */
    void forgetInstance(String lost) {
        Map<String, List<Departure>> departures = rooms.executeOnEntries(new ForgetInstance(lost));
        int count = 0;
        for (List<Departure> room : departures.values()) {
            if (room != null) {
                room.forEach(this::tell);
                count += room.size();
            }
        }
        if (count > 0) {
            log.info("An instance left the cluster: {} of its local call participants left their rooms", count);
        }
    }

    private void tell(Departure departure) {
        ObjectNode news = RoomNews.left(departure.gone());
        departure.others().forEach(other -> deliver(other, news.deepCopy()));
    }

    private void deliver(Occupant to, ObjectNode message) {
        if (to.instance().equals(instance)) {
            deliverHere(new Envelope(to.id(), message.toString()));
        } else {
            topicOf(to.instance()).publish(new Envelope(to.id(), message.toString()));
        }
    }

    private void deliverHere(Envelope envelope) {
        Consumer<ObjectNode> inbox = inboxes.get(envelope.to());
        if (inbox != null) {
            inbox.accept((ObjectNode) json.readTree(envelope.message()));
        }
    }

    private ITopic<Envelope> topicOf(String instance) {
        return cluster.getReliableTopic(TOPIC_PREFIX + instance);
    }

    @Override
    public void close() {
        if (!cluster.getLifecycleService().isRunning()) {
            // the member stopped first: its listeners went with it
            return;
        }
        cluster.getCluster().removeMembershipListener(membershipListener);
        topicOf(instance).removeMessageListener(topicListener);
    }

    /** Who left a room, and who is still in it. */
    record Departure(Occupant gone, List<Occupant> others) implements Serializable {
    }

    /** Enters one participant into one room, if the room's rules let them. */
    record Enter(Occupant newcomer, String salt, int placesPerAddress)
            implements EntryProcessor<String, RoomState, Admission> {

        @Override
        public Admission process(Map.Entry<String, RoomState> entry) {
            RoomState state = entry.getValue() == null ? RoomState.EMPTY : entry.getValue();
            Optional<Refused> refusal = state.refusal(newcomer, placesPerAddress);
            if (refusal.isPresent()) {
                return refusal.get();
            }
            RoomState entered = state.with(newcomer, salt);
            entry.setValue(entered);
            return new Admitted(state.occupants(), entered.salt());
        }
    }

    /** Takes one participant out of one room; an empty room is removed. */
    record Leave(String participantId) implements EntryProcessor<String, RoomState, @Nullable Departure> {

        @Override
        public @Nullable Departure process(Map.Entry<String, RoomState> entry) {
            RoomState state = entry.getValue();
            Optional<Occupant> gone = state == null ? Optional.empty() : state.find(participantId);
            if (gone.isEmpty()) {
                return null;
            }
            RoomState rest = state.without(participantId);
            entry.setValue(rest.isEmpty() ? null : rest);
            return new Departure(gone.get(), rest.occupants());
        }
    }

    /** Takes every participant of one instance out of a room. */
    record ForgetInstance(String instance) implements EntryProcessor<String, RoomState, @Nullable List<Departure>> {

        @Override
        public @Nullable List<Departure> process(Map.Entry<String, RoomState> entry) {
            RoomState state = entry.getValue();
            if (state == null) {
                return null;
            }
            List<Departure> departures = new ArrayList<>();
            RoomState rest = state;
            for (Occupant occupant : state.occupants()) {
                if (occupant.instance().equals(instance)) {
                    rest = rest.without(occupant.id());
                    departures.add(new Departure(occupant, rest.occupants()));
                }
            }
            if (departures.isEmpty()) {
                return null;
            }
            entry.setValue(rest.isEmpty() ? null : rest);
            // everyone left is told about every departure
            RoomState remaining = rest;
            return departures.stream().map(departure -> new Departure(departure.gone(), remaining.occupants())).toList();
        }
    }
}
