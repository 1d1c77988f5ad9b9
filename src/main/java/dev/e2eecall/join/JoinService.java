package dev.e2eecall.join;

import com.vaadin.flow.shared.Registration;
import dev.e2eecall.call.CallTicket;
import dev.e2eecall.call.E2eeVideoCall;
import org.springframework.stereotype.Service;

/** Turns what a user typed (room and name) into a ticket for the call, through the active backend. */
@Service
public class JoinService {

    private final VideoBackend backend;

    JoinService(VideoBackend backend) {
        this.backend = backend;
    }

    /**
     * Checks the room and the name and asks the backend for a ticket.
     *
     * @throws JoinException with a message for the user
     */
    public CallTicket join(String room, String displayName) {
        RoomName roomName = RoomName.parse(room);
        DisplayName name = DisplayName.parse(displayName);
        return backend.join(roomName, name);
    }

    /** Connects the server side of a ticket's call to the element that runs it; remove it when the call ends. */
    public Registration bind(CallTicket ticket, E2eeVideoCall call) {
        return backend.bind(ticket, call);
    }

    /** What carries the calls, for the join page. */
    public String backendDescription() {
        return backend.description();
    }
}
