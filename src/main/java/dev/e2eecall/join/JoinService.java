package dev.e2eecall.join;

import dev.e2eecall.call.CallTicket;
import dev.e2eecall.call.SignalChannel;
import dev.e2eecall.join.limits.JoinRateLimit;
import org.springframework.stereotype.Service;

/** Turns what a user typed (room and name) into a ticket for the call, through the active backend. */
@Service
public class JoinService {

    private final VideoBackend backend;
    private final JoinRateLimit rateLimit;

    JoinService(VideoBackend backend, JoinRateLimit rateLimit) {
        this.backend = backend;
        this.rateLimit = rateLimit;
    }

    /**
     * Checks the room and the name, counts the join against the requester's limits, and asks the
     * backend for a ticket.
     *
     * @throws JoinException with a message for the user
     */
    public CallTicket join(String room, String displayName, Requester requester) {
        RoomName roomName = RoomName.parse(room);
        DisplayName name = DisplayName.parse(displayName);
        rateLimit.acquire(requester);
        return backend.join(roomName, name, requester);
    }

    /**
     * A ticket for a client that runs a Vonage Video SDK itself rather than this app's page: the
     * same checks, limits and room sessions as {@link #join}. Local calls have no session such a
     * client could join, so in local mode it is refused before anything is counted.
     *
     * @throws JoinException with a message for the user; {@link JoinException.Reason#NO_VIDEO_SERVICE} in local mode
     */
    public CallTicket.OpenTok joinForSdkClient(String room, String displayName, Requester requester) {
        if (backend.kind() == VideoBackend.Kind.LOCAL) {
            throw new JoinException(
                    JoinException.Reason.NO_VIDEO_SERVICE,
                    "This server runs local peer-to-peer calls, "
                            + "which only its own page can join, so it has no Vonage Video session to hand out. To use the "
                            + "Vonage Video API, the administrator sets API_KEY and API_SECRET, or VONAGE_APPLICATION_ID and "
                            + "VONAGE_PRIVATE_KEY.");
        }
        return switch (join(room, displayName, requester)) {
            case CallTicket.OpenTok ticket -> ticket;
            case CallTicket.Local local ->
                throw new IllegalStateException("a backend other than local mode's issued a local ticket");
        };
    }

    /**
     * Connects the server side of a ticket's call to the browser that runs it, through the call's
     * signal channel; it ends when the channel does, which the call component ends with the call.
     */
    public void bind(CallTicket ticket, SignalChannel channel) {
        backend.bind(ticket, channel);
    }

    /** What carries the calls, for the join page. */
    public String backendDescription() {
        return backend.description();
    }

    /** What carries the calls, and so what a ticket's key is. */
    public VideoBackend.Kind backendKind() {
        return backend.kind();
    }
}
