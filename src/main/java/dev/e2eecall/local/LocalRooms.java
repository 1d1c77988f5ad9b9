package dev.e2eecall.local;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who is in which local room, and the way to reach each of them wherever their page runs. Messages
 * only ever go to participants of the sender's own room. One instance keeps it in memory; a
 * cluster shares it.
 */
public interface LocalRooms {

    /** The most people in one local call: every pair has its own connection, so more do not scale. */
    int MAX_PARTICIPANTS = 4;

    /** The answer to a participant who asks to enter a room. */
    sealed interface Admission permits Admitted, Refused {}

    /**
     * Entered: the others already in the room, in the order they came, and the room's salt for the
     * media key (the first participant's proposal, kept while anyone is in the room).
     */
    record Admitted(List<Occupant> others, String salt) implements Admission {}

    /** Not entered, with the reason as a code and a sentence for the user. */
    record Refused(String reason, String message) implements Admission {}

    /** Whether a newcomer from this address could enter now (the room may fill up before they do). */
    boolean hasRoomFor(String room, String address);

    /**
     * Enters a participant whose page runs on this instance, and tells everyone already there.
     *
     * @param salt the salt proposed, which becomes the room's when the room was empty
     * @param inbox takes the messages for the participant, from this instance's threads
     */
    Admission enter(String room, String id, String name, String address, String salt, Consumer<ObjectNode> inbox);

    /** Takes the participant out of the room, if there, and tells the others. */
    void leave(String room, String participantId);

    /** Hands a message to a participant of the room, wherever their page runs; false when there is none. */
    boolean send(String room, String participantId, ObjectNode message);

    /** How many people are in each room now, for monitoring and tests. */
    Map<String, Integer> occupancy();
}
