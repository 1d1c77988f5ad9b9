package dev.e2eecall.local;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;

/** The local rooms of a single instance, in its own memory. */
final class InProcessLocalRooms implements LocalRooms {

    private static final String INSTANCE = "this";

    private final int maxRooms;
    private final int placesPerAddress;
    /** room name to who is in it; guarded by {@code this} */
    private final Map<String, RoomState> rooms = new HashMap<>();
    /** participant id to their page's inbox; guarded by {@code this} */
    private final Map<String, Consumer<ObjectNode>> inboxes = new HashMap<>();

    InProcessLocalRooms(int maxRooms, int placesPerAddress) {
        this.maxRooms = maxRooms;
        this.placesPerAddress = placesPerAddress;
    }

    @Override
    public synchronized boolean hasRoomFor(String room, String address) {
        RoomState state = rooms.get(room);
        return state == null ? rooms.size() < maxRooms : state.admits(address, placesPerAddress);
    }

    @Override
    public Admission enter(
            String room, String id, String name, String address, String salt, Consumer<ObjectNode> inbox) {
        Occupant newcomer = new Occupant(id, name, address, INSTANCE);
        List<Consumer<ObjectNode>> toTell;
        List<Occupant> others;
        String roomSalt;
        synchronized (this) {
            RoomState state = rooms.get(room);
            if (state == null && rooms.size() >= maxRooms) {
                return RoomState.ROOMS_FULL;
            }
            RoomState current = state == null ? RoomState.EMPTY : state;
            var refusal = current.refusal(newcomer, placesPerAddress);
            if (refusal.isPresent()) {
                return refusal.get();
            }
            others = current.occupants();
            RoomState entered = current.with(newcomer, salt);
            rooms.put(room, entered);
            roomSalt = entered.callSalt();
            inboxes.put(id, inbox);
            toTell = others.stream().map(other -> inboxes.get(other.id())).toList();
        }
        // delivered outside the lock: an inbox hands the message to another page's access queue
        ObjectNode news = RoomNews.joined(newcomer);
        toTell.forEach(other -> other.accept(news.deepCopy()));
        return new Admitted(others, roomSalt);
    }

    @Override
    public void leave(String room, String participantId) {
        Occupant gone;
        List<Consumer<ObjectNode>> toTell;
        synchronized (this) {
            RoomState state = rooms.get(room);
            gone = state == null ? null : state.find(participantId).orElse(null);
            if (state == null || gone == null) {
                return;
            }
            RoomState rest = state.without(participantId);
            if (rest.isEmpty()) {
                rooms.remove(room);
            } else {
                rooms.put(room, rest);
            }
            inboxes.remove(participantId);
            toTell = rest.occupants().stream()
                    .map(other -> inboxes.get(other.id()))
                    .toList();
        }
        ObjectNode news = RoomNews.left(gone);
        toTell.forEach(other -> other.accept(news.deepCopy()));
    }

    @Override
    public boolean send(String room, String participantId, ObjectNode message) {
        Consumer<ObjectNode> inbox;
        synchronized (this) {
            RoomState state = rooms.get(room);
            if (state == null || state.find(participantId).isEmpty()) {
                return false;
            }
            inbox = inboxes.get(participantId);
        }
        if (inbox == null) {
            return false;
        }
        inbox.accept(message);
        return true;
    }

    @Override
    public synchronized Map<String, Integer> occupancy() {
        Map<String, Integer> occupancy = new HashMap<>();
        rooms.forEach((room, state) -> occupancy.put(room, state.occupants().size()));
        return occupancy;
    }
}
