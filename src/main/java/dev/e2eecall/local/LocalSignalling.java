package dev.e2eecall.local;

import dev.e2eecall.call.CallTicket;
import dev.e2eecall.local.LocalRooms.Admission;
import dev.e2eecall.local.LocalRooms.Admitted;
import dev.e2eecall.local.LocalRooms.Participant;
import dev.e2eecall.local.LocalRooms.Refused;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One browser's signalling in a local room: checks every message it sends and relays the valid ones
 * to the one participant they are addressed to. A message is rebuilt from the fields it may carry,
 * so nothing else the browser put in it travels on. Entering also settles the room's salt for the
 * media key: the first participant's proposal, handed to everyone in {@code welcome}.
 */
final class LocalSignalling {

    /** Larger messages are dropped: a session description with its candidates fits well within. */
    static final int MAX_MESSAGE_CHARS = 64 * 1024;
    private static final int MAX_CANDIDATE_CHARS = 4096;
    /** A salt proposal: 16 bytes in base64url without padding. Not secret; it only has to be new per call. */
    private static final Pattern SALT = Pattern.compile("[A-Za-z0-9_-]{22}");

    /** What became of one message from the browser. */
    enum Outcome { ACCEPTED, REJECTED }

    private static final Logger log = LoggerFactory.getLogger(LocalSignalling.class);
    private static final JsonNodeFactory json = JsonNodeFactory.instance;
    private static final SecureRandom random = new SecureRandom();

    private final LocalRooms rooms;
    private final CallTicket ticket;
    private final Consumer<ObjectNode> toBrowser;
    private final String participantId = randomId();
    private boolean entered;

    LocalSignalling(LocalRooms rooms, CallTicket ticket, Consumer<ObjectNode> toBrowser) {
        this.rooms = rooms;
        this.ticket = ticket;
        this.toBrowser = toBrowser;
    }

    String participantId() {
        return participantId;
    }

    /** Handles one message from this participant's browser. */
    synchronized Outcome receive(JsonNode message) {
        if (!message.isObject() || message.toString().length() > MAX_MESSAGE_CHARS) {
            return rejected("not an object or too large");
        }
        return switch (message.path("type").asString("")) {
            case "ready" -> enter(message);
            case "offer", "answer" -> relayDescription(message);
            case "candidate" -> relayCandidate(message);
            case "bye" -> {
                leave();
                yield Outcome.ACCEPTED;
            }
            default -> rejected("unknown type");
        };
    }

    /** Takes this participant out of the room; safe to call more than once. */
    synchronized void leave() {
        if (entered) {
            entered = false;
            rooms.leave(ticket.room(), participantId);
        }
    }

    private Outcome enter(JsonNode message) {
        if (entered) {
            return rejected("entered already");
        }
        if (!ticket.token().equals(message.path("token").asString(""))) {
            toBrowser.accept(refusal("INVALID", "This call ticket is not valid any more. Join again."));
            return rejected("wrong token");
        }
        // without a proposal one is drawn here, so that the room has a salt whoever enters first
        JsonNode proposal = message.path("salt");
        String salt = proposal.isMissingNode() ? randomSalt() : proposal.isString() ? proposal.asString() : "";
        if (!SALT.matcher(salt).matches()) {
            toBrowser.accept(refusal("INVALID", "This page is out of date. Reload it and join again."));
            return rejected("malformed salt");
        }
        Admission admission = rooms.enter(ticket.room(), new Participant(participantId, ticket.name(), toBrowser), salt);
        switch (admission) {
            case Admitted admitted -> {
                entered = true;
                ObjectNode welcome = json.objectNode().put("type", "welcome").put("self", participantId)
                        .put("salt", admitted.salt());
                var peers = welcome.putArray("peers");
                admitted.others().forEach(other -> peers.addObject().put("id", other.id()).put("name", other.name()));
                toBrowser.accept(welcome);
                return Outcome.ACCEPTED;
            }
            case Refused refused -> {
                toBrowser.accept(refusal(refused.reason(), refused.message()));
                return Outcome.ACCEPTED;
            }
        }
    }

    private Outcome relayDescription(JsonNode message) {
        Optional<Participant> to = addressee(message);
        String sdp = message.path("sdp").asString("");
        if (to.isEmpty() || sdp.isBlank()) {
            return rejected("no such participant in this room, or no description");
        }
        to.get().inbox().accept(json.objectNode()
                .put("type", message.path("type").asString())
                .put("from", participantId)
                .put("sdp", sdp));
        return Outcome.ACCEPTED;
    }

    private Outcome relayCandidate(JsonNode message) {
        Optional<Participant> to = addressee(message);
        JsonNode candidate = message.path("candidate");
        JsonNode line = candidate.path("candidate");
        JsonNode mid = candidate.path("sdpMid");
        JsonNode index = candidate.path("sdpMLineIndex");
        boolean wellFormed = line.isString() && line.asString().length() <= MAX_CANDIDATE_CHARS
                && (mid.isMissingNode() || mid.isNull() || (mid.isString() && mid.asString().length() <= 64))
                && (index.isMissingNode() || index.isNull() || (index.isInt() && index.asInt() >= 0 && index.asInt() < 64));
        if (to.isEmpty() || !wellFormed) {
            return rejected("no such participant in this room, or not a candidate");
        }
        ObjectNode relayed = json.objectNode().put("type", "candidate").put("from", participantId);
        ObjectNode copy = relayed.putObject("candidate").put("candidate", line.asString());
        copy.set("sdpMid", mid.isString() ? json.stringNode(mid.asString()) : json.nullNode());
        copy.set("sdpMLineIndex", index.isInt() ? json.numberNode(index.asInt()) : json.nullNode());
        to.get().inbox().accept(relayed);
        return Outcome.ACCEPTED;
    }

    /** The participant a message is for: someone else in this participant's own room. */
    private Optional<Participant> addressee(JsonNode message) {
        String to = message.path("to").asString("");
        if (!entered || to.equals(participantId)) {
            return Optional.empty();
        }
        return rooms.find(ticket.room(), to);
    }

    private static ObjectNode refusal(String reason, String text) {
        return json.objectNode().put("type", "refused").put("reason", reason).put("message", text);
    }

    private Outcome rejected(String why) {
        // the reason only: the message is the browser's and may be large or hostile
        log.debug("Dropped a signalling message in room {}: {}", ticket.room(), why);
        return Outcome.REJECTED;
    }

    private static String randomId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String randomSalt() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
