package dev.e2eecall.local;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.shared.ui.Transport;
import dev.e2eecall.call.CallTicket;
import dev.e2eecall.call.E2eeVideoCall;
import dev.e2eecall.join.DisplayName;
import dev.e2eecall.join.JoinException;
import dev.e2eecall.join.RoomName;
import dev.e2eecall.join.VideoBackend;
import java.security.SecureRandom;
import java.util.Base64;

/** Calls without a video service: browsers connect to each other, this server relays their signalling. */
public class LocalBackend implements VideoBackend {

    private static final SecureRandom random = new SecureRandom();

    private final LocalRooms rooms;
    private final LocalProperties properties;

    public LocalBackend(LocalRooms rooms, LocalProperties properties) {
        this.rooms = rooms;
        this.properties = properties;
    }

    @Override
    public CallTicket join(RoomName room, DisplayName name) {
        if (!rooms.hasRoomFor(room.value())) {
            throw new JoinException(JoinException.Reason.ROOM_FULL,
                    "This room is full in local mode (" + LocalRooms.MAX_PARTICIPANTS + " people).");
        }
        return new CallTicket(CallTicket.Engine.LOCAL, "", room.value(), newToken(), room.value(), name.value(),
                properties.iceServers());
    }

    @Override
    public Registration bind(CallTicket ticket, E2eeVideoCall call) {
        UI ui = call.getUI().orElseThrow(() -> new IllegalStateException("the call element is not in a page"));
        // the server must reach this page unasked while it is in a local call, and only then:
        // a page with no call keeps no websocket open
        ui.getPushConfiguration().setTransport(Transport.WEBSOCKET);
        ui.getPushConfiguration().setPushMode(PushMode.AUTOMATIC);
        LocalSignalling signalling = new LocalSignalling(rooms, ticket, message -> {
            try {
                ui.access(() -> call.deliverSignal(message));
            } catch (UIDetachedException gone) {
                // the page closed: its detach listener takes the participant out of the room
            }
        });
        Registration signals = call.addSignalListener(event -> signalling.receive(event.getMessage()));
        Registration detach = call.addDetachListener(event -> signalling.leave());
        return () -> {
            signals.remove();
            detach.remove();
            signalling.leave();
            ui.getPushConfiguration().setPushMode(PushMode.DISABLED);
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
