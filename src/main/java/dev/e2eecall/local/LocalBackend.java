package dev.e2eecall.local;

import dev.e2eecall.call.CallTicket;
import dev.e2eecall.call.SignalChannel;
import dev.e2eecall.join.DisplayName;
import dev.e2eecall.join.JoinException;
import dev.e2eecall.join.Requester;
import dev.e2eecall.join.RoomName;
import dev.e2eecall.join.VideoBackend;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Calls without a video service: browsers connect to each other, this server relays their
 * signalling. A browser in a call speaks every few seconds; one that falls silent (closed, crashed,
 * offline) leaves its room once it has said nothing for {@link LocalProperties#silence()}, so it
 * cannot hold a place.
 */
class LocalBackend implements VideoBackend {

    /** How long a ticket waits for its page to enter: long enough to answer the camera prompt. */
    static final Duration TICKET_VALIDITY = Duration.ofMinutes(10);
    /** What all browsers of this instance may be sent, at most, while they say nothing. */
    static final long MAX_UNHEARD_TOTAL_CHARS = 32L * 1024 * 1024;

    private final LocalRooms rooms;
    private final LocalProperties properties;
    private final LocalTickets tickets = new LocalTickets(TICKET_VALIDITY);
    private final UnheardTotal unheard = new UnheardTotal(MAX_UNHEARD_TOTAL_CHARS);
    private final Set<LocalSignalling> present = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("local-call-watch").daemon().factory());
    private final TurnCredentials turn;

    LocalBackend(LocalRooms rooms, LocalProperties properties) {
        this.rooms = rooms;
        this.properties = properties;
        this.turn = new TurnCredentials(properties, Clock.systemUTC());
        watch.scheduleWithFixedDelay(this::expireSilent, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public CallTicket join(RoomName room, DisplayName name, Requester requester) {
        if (!rooms.hasRoomFor(room.value(), requester.address())) {
            throw new JoinException(JoinException.Reason.ROOM_FULL, refusal(room));
        }
        String token = tickets.issue(room.value(), name.value(), requester.address());
        return new CallTicket.Local(token, room.value(), name.value(), turn.forOneJoin(), properties.icePathPolicy());
    }

    /** Which limit kept the newcomer out, and how many are in the room. */
    private String refusal(RoomName room) {
        int inRoom = rooms.occupancy().getOrDefault(room.value(), 0);
        if (inRoom == 0) {
            return RoomState.ROOMS_FULL.message();
        }
        return inRoom >= LocalRooms.MAX_PARTICIPANTS
                ? RoomState.fullMessage(inRoom)
                // the address took its places: at least as many as it may take
                : RoomState.addressFullMessage(inRoom, Math.min(inRoom, properties.placesPerAddress()));
    }

    @Override
    public void bind(CallTicket ticket, SignalChannel channel) {
        if (!(ticket instanceof CallTicket.Local local)) {
            throw new IllegalArgumentException("local calls relay the signalling of local tickets only");
        }
        LocalSignalling signalling = new LocalSignalling(rooms, tickets, local, channel::send, unheard);
        present.add(signalling);
        channel.open(signalling::receive, () -> {
            signalling.leave();
            present.remove(signalling);
        });
    }

    @Override
    public String description() {
        // what the person needs to know; how to switch to the Vonage Video API is in the log and the README
        return "Peer-to-peer call: up to " + LocalRooms.MAX_PARTICIPANTS + " people";
    }

    @Override
    public Kind kind() {
        return Kind.LOCAL;
    }

    /** What the browsers of this instance have been sent and not yet answered, for monitoring and tests. */
    long unheardChars() {
        return unheard.chars();
    }

    private void expireSilent() {
        for (LocalSignalling signalling : present) {
            if (signalling.isEntered() && signalling.silentFor().compareTo(properties.silence()) > 0) {
                signalling.expire();
            }
        }
    }

    @Override
    public void close() {
        watch.shutdownNow();
    }
}
