package dev.e2eecall.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who is in one local room, in the order they came, and the salt of its call (the first entrant's,
 * forgotten with the room); the same rules in one instance and in a cluster.
 */
record RoomState(List<Occupant> occupants, @Nullable String salt) {

    static final RoomState EMPTY = new RoomState(List.of(), null);

    /** The answer when every room a server may hold is taken. */
    static final LocalRooms.Refused ROOMS_FULL = new LocalRooms.Refused(
            "ROOMS_FULL", "This server has no room for another call right now. Try again later.");

    RoomState {
        occupants = List.copyOf(occupants);
    }

    /** Why the newcomer cannot enter, if they cannot: the room is full, or holds too many from their address. */
    Optional<LocalRooms.Refused> refusal(Occupant newcomer, int placesPerAddress) {
        if (occupants.size() >= LocalRooms.MAX_PARTICIPANTS) {
            return Optional.of(new LocalRooms.Refused("ROOM_FULL", fullMessage(occupants.size())));
        }
        long fromAddress = occupants.stream()
                .filter(occupant -> occupant.address().equals(newcomer.address()))
                .count();
        if (fromAddress >= placesPerAddress) {
            return Optional.of(new LocalRooms.Refused("ROOM_FULL", addressFullMessage(occupants.size(), fromAddress)));
        }
        return Optional.empty();
    }

    /** The refusal when every place of a room is taken: which limit, and how many are in. */
    static String fullMessage(int inRoom) {
        return "This room is full in local mode: " + inRoom + " people are in it, the most a local call holds.";
    }

    /** The refusal when one network address took the places it may take ({@code LOCAL_PLACES_PER_ADDRESS}). */
    static String addressFullMessage(int inRoom, long fromAddress) {
        return "This room has " + inRoom + (inRoom == 1 ? " person" : " people") + " in it, " + fromAddress
                + " of them from your network address: the most this server lets one address bring "
                + "(LOCAL_PLACES_PER_ADDRESS).";
    }

    /** Whether someone from this address could enter now. */
    boolean admits(String address, int placesPerAddress) {
        return refusal(new Occupant("", "", address, ""), placesPerAddress).isEmpty();
    }

    /** The call's salt: a room with someone in it always has one. */
    String callSalt() {
        return Objects.requireNonNull(salt, "an occupied room has a call salt");
    }

    /** The room with the newcomer in it; their salt becomes the room's if the room was empty. */
    RoomState with(Occupant newcomer, String proposedSalt) {
        List<Occupant> more = new ArrayList<>(occupants);
        more.add(newcomer);
        return new RoomState(more, salt == null ? proposedSalt : salt);
    }

    RoomState without(String id) {
        List<Occupant> rest =
                occupants.stream().filter(occupant -> !occupant.id().equals(id)).toList();
        return new RoomState(rest, rest.isEmpty() ? null : salt);
    }

    Optional<Occupant> find(String id) {
        return occupants.stream().filter(occupant -> occupant.id().equals(id)).findFirst();
    }

    boolean isEmpty() {
        return occupants.isEmpty();
    }
}
