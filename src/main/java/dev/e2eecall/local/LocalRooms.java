package dev.e2eecall.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who is in which local room, and the one way to reach each of them. Messages only ever go to
 * participants of the sender's own room.
 */
@Component
public class LocalRooms {

    /** The most people in one local call: every pair has its own connection, so more do not scale. */
    public static final int MAX_PARTICIPANTS = 4;

    /** One participant as the others see them (id and name) plus the way to send them messages. */
    record Participant(String id, String name, Consumer<ObjectNode> inbox) {
    }

    /** The answer to a participant who asks to enter a room. */
    sealed interface Admission permits Admitted, Refused {
    }

    /**
     * Entered: the others already in the room, in the order they came, and the room's salt for the
     * media key (the first participant's proposal, kept while anyone is in the room).
     */
    record Admitted(List<Participant> others, String salt) implements Admission {
    }

    /** Not entered, with the reason as a code and a sentence. */
    record Refused(String reason, String message) implements Admission {
    }

    private static final JsonNodeFactory json = JsonNodeFactory.instance;

    private final int maxRooms;
    /** room name to its participants by id; guarded by {@code this} */
    private final Map<String, Map<String, Participant>> rooms = new HashMap<>();
    /** room name to its salt, for exactly the rooms in {@code rooms}; guarded by {@code this} */
    private final Map<String, String> salts = new HashMap<>();

    LocalRooms(LocalProperties properties) {
        this.maxRooms = properties.maxRooms();
    }

    /** Whether a newcomer could enter the room now (it may fill up before they do). */
    public synchronized boolean hasRoomFor(String room) {
        Map<String, Participant> participants = rooms.get(room);
        return participants == null ? rooms.size() < maxRooms : participants.size() < MAX_PARTICIPANTS;
    }

    /**
     * Enters the participant and tells everyone already there. The salt proposed is the room's when
     * the room was empty; otherwise the room keeps the salt it has.
     */
    Admission enter(String room, Participant newcomer, String proposedSalt) {
        List<Participant> others;
        String salt;
        synchronized (this) {
            Map<String, Participant> participants = rooms.get(room);
            if (participants == null && rooms.size() >= maxRooms) {
                return new Refused("ROOMS_FULL", "This server has no room for another call right now. Try again later.");
            }
            if (participants != null && participants.size() >= MAX_PARTICIPANTS) {
                return new Refused("ROOM_FULL", "This room is full in local mode (" + MAX_PARTICIPANTS + " people).");
            }
            participants = rooms.computeIfAbsent(room, name -> new LinkedHashMap<>());
            salt = salts.computeIfAbsent(room, name -> proposedSalt);
            others = List.copyOf(participants.values());
            participants.put(newcomer.id(), newcomer);
        }
        // delivered outside the lock: an inbox hands the message to another UI's access queue
        ObjectNode joined = json.objectNode().put("type", "peer-joined");
        joined.set("peer", json.objectNode().put("id", newcomer.id()).put("name", newcomer.name()));
        others.forEach(other -> other.inbox().accept(joined.deepCopy()));
        return new Admitted(others, salt);
    }

    /** Removes the participant, if present, and tells the others. */
    void leave(String room, String participantId) {
        Participant gone;
        List<Participant> others;
        synchronized (this) {
            Map<String, Participant> participants = rooms.get(room);
            gone = participants == null ? null : participants.remove(participantId);
            if (gone == null) {
                return;
            }
            others = List.copyOf(participants.values());
            if (participants.isEmpty()) {
                rooms.remove(room);
                salts.remove(room);
            }
        }
        ObjectNode left = json.objectNode().put("type", "peer-left");
        left.set("peer", json.objectNode().put("id", gone.id()).put("name", gone.name()));
        others.forEach(other -> other.inbox().accept(left.deepCopy()));
    }

    /** The participant of this room with this id, if there is one. */
    synchronized Optional<Participant> find(String room, String participantId) {
        return Optional.ofNullable(rooms.getOrDefault(room, Map.of()).get(participantId));
    }

    /** How many people are in each room now, for monitoring and tests. */
    public synchronized Map<String, Integer> occupancy() {
        Map<String, Integer> occupancy = new HashMap<>();
        rooms.forEach((room, participants) -> occupancy.put(room, participants.size()));
        return occupancy;
    }

    /** The ids in a room, in the order they came. */
    synchronized List<String> participantIds(String room) {
        return new ArrayList<>(rooms.getOrDefault(room, Map.of()).keySet());
    }
}
