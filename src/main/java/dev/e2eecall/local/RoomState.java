package dev.e2eecall.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who is in one local room, in the order they came, and the salt of its call (the first entrant's,
 * forgotten with the room); the same rules in one instance and in a cluster.
 */
record RoomState(List<Occupant> occupants, @Nullable String salt) {

    static final RoomState EMPTY = new RoomState(List.of(), null);

    /** The answer when every room a server may hold is taken. */
    static final LocalRooms.Refused ROOMS_FULL = new LocalRooms.Refused("ROOMS_FULL",
            "This server has no room for another call right now. Try again later.");

    RoomState {
        occupants = List.copyOf(occupants);
    }

    /** Why the newcomer cannot enter, if they cannot: the room is full, or holds too many from their address. */
    Optional<LocalRooms.Refused> refusal(Occupant newcomer, int placesPerAddress) {
        if (occupants.size() >= LocalRooms.MAX_PARTICIPANTS) {
            return Optional.of(new LocalRooms.Refused("ROOM_FULL",
                    "This room is full in local mode (" + LocalRooms.MAX_PARTICIPANTS + " people)."));
        }
        long fromAddress = occupants.stream().filter(occupant -> occupant.address().equals(newcomer.address())).count();
        if (fromAddress >= placesPerAddress) {
            return Optional.of(new LocalRooms.Refused("ROOM_FULL",
                    "This room has no more places for this network address in local mode."));
        }
        return Optional.empty();
    }

    /** Whether someone from this address could enter now. */
    boolean admits(String address, int placesPerAddress) {
        return refusal(new Occupant("", "", address, ""), placesPerAddress).isEmpty();
    }

    /** The room with the newcomer in it; their salt becomes the room's if the room was empty. */
    RoomState with(Occupant newcomer, String proposedSalt) {
        List<Occupant> more = new ArrayList<>(occupants);
        more.add(newcomer);
        return new RoomState(more, salt == null ? proposedSalt : salt);
    }

    RoomState without(String id) {
        List<Occupant> rest = occupants.stream().filter(occupant -> !occupant.id().equals(id)).toList();
        return new RoomState(rest, rest.isEmpty() ? null : salt);
    }

    Optional<Occupant> find(String id) {
        return occupants.stream().filter(occupant -> occupant.id().equals(id)).findFirst();
    }

    boolean isEmpty() {
        return occupants.isEmpty();
    }
}
