package dev.e2eecall.local;

import dev.e2eecall.call.CallTicket;
import dev.e2eecall.call.SignalChannel;
import dev.e2eecall.join.DisplayName;
import dev.e2eecall.join.JoinException;
import dev.e2eecall.join.RoomName;
import dev.e2eecall.join.VideoBackend;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/** Calls without a video service: browsers connect to each other, this server relays their signalling. */
public class LocalBackend implements VideoBackend {

    private static final SecureRandom random = new SecureRandom();

    private final LocalRooms rooms;
    private final LocalProperties properties;
    private final TurnCredentials turn;

    public LocalBackend(LocalRooms rooms, LocalProperties properties) {
        this.rooms = rooms;
        this.properties = properties;
        this.turn = new TurnCredentials(properties, Clock.systemUTC());
    }

    @Override
    public CallTicket join(RoomName room, DisplayName name) {
        if (!rooms.hasRoomFor(room.value())) {
            throw new JoinException(JoinException.Reason.ROOM_FULL,
                    "This room is full in local mode (" + LocalRooms.MAX_PARTICIPANTS + " people).");
        }
        return new CallTicket(CallTicket.Engine.LOCAL, "", room.value(), newToken(), room.value(), name.value(),
                turn.forOneJoin(), null, properties.icePathPolicy());
    }

    @Override
    public SignalChannel.Closing bind(CallTicket ticket, SignalChannel channel) {
        LocalSignalling signalling = new LocalSignalling(rooms, ticket, channel::send);
        SignalChannel.Closing open = channel.open(signalling::receive, signalling::leave);
        return () -> {
            open.close();
            signalling.leave();
        };
    }

    @Override
    public String description() {
        return "Local mode: peer-to-peer calls through this server, no Vonage account. "
                + "Set API_KEY and API_SECRET in .env to use the Vonage Video API.";
    }

    @Override
    public Kind kind() {
        return Kind.LOCAL;
    }

    private static String newToken() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
