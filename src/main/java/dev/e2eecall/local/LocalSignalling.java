package dev.e2eecall.local;

import dev.e2eecall.call.CallTicket;
import dev.e2eecall.local.LocalRooms.Admission;
import dev.e2eecall.local.LocalRooms.Admitted;
import dev.e2eecall.local.LocalRooms.Refused;
import dev.e2eecall.local.LocalTickets.Issued;
import io.github.bucket4j.Bucket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One browser's signalling in a local room: checks every message it sends and relays the valid ones
 * to the one participant they are addressed to. A message is rebuilt from the fields it may carry,
 * so nothing else the browser put in it travels on. Each browser has a message budget, and what it
 * is sent while it says nothing is bounded, so a flood or a dead page cannot fill the server.
 * Entering also settles the room's salt for the media key: the first participant's proposal,
 * handed to everyone in {@code welcome}.
 */
final class LocalSignalling {

    /** Larger messages are dropped: a session description with its candidates fits well within. */
    static final int MAX_MESSAGE_CHARS = 64 * 1024;
    /** The most a browser is sent between two of its own messages (it speaks every few seconds). */
    static final int MAX_UNHEARD_CHARS = 512 * 1024;
    /** Messages a browser may send in a burst, and per second after it: joining a full room takes about 100. */
    static final int BUDGET_BURST = 300;

    static final int BUDGET_PER_SECOND = 30;
    private static final int MAX_CANDIDATE_CHARS = 4096;
    /** A salt proposal: 16 bytes in base64url without padding. Not secret; it only has to be new per call. */
    private static final Pattern SALT = Pattern.compile("[A-Za-z0-9_-]{22}");

    /** What became of one message from the browser. */
    enum Outcome {
        ACCEPTED,
        REJECTED
    }

    private static final Logger log = LoggerFactory.getLogger(LocalSignalling.class);
    private static final JsonNodeFactory json = JsonNodeFactory.instance;
    private static final SecureRandom random = new SecureRandom();

    private final LocalRooms rooms;
    private final LocalTickets tickets;
    private final CallTicket.Local ticket;
    private final Consumer<ObjectNode> toBrowser;
    private final UnheardTotal unheardTotal;
    /** Sent to the browser since it last spoke; read and written from other participants' threads too. */
    private final AtomicLong unheardChars = new AtomicLong();

    private final String participantId = randomId();
    private final Bucket budget = Bucket.builder()
            .addLimit(limit -> limit.capacity(BUDGET_BURST).refillGreedy(BUDGET_PER_SECOND, Duration.ofSeconds(1)))
            .build();
    private @Nullable Issued entered;
    private volatile long lastHeardNanos = System.nanoTime();

    LocalSignalling(
            LocalRooms rooms,
            LocalTickets tickets,
            CallTicket.Local ticket,
            Consumer<ObjectNode> toBrowser,
            UnheardTotal unheardTotal) {
        this.rooms = rooms;
        this.tickets = tickets;
        this.ticket = ticket;
        this.toBrowser = toBrowser;
        this.unheardTotal = unheardTotal;
    }

    String participantId() {
        return participantId;
    }

    /** Whether the browser is in its room. */
    synchronized boolean isEntered() {
        return entered != null;
    }

    /** How long the browser has said nothing. */
    Duration silentFor() {
        return Duration.ofNanos(System.nanoTime() - lastHeardNanos);
    }

    /** Handles one message from this participant's browser. */
    synchronized Outcome receive(JsonNode message) {
        lastHeardNanos = System.nanoTime();
        unheardTotal.release(unheardChars.getAndSet(0));
        if (!budget.tryConsume(1)) {
            return rejected("over its message budget");
        }
        if (!message.isObject() || message.toString().length() > MAX_MESSAGE_CHARS) {
            return rejected("not an object or too large");
        }
        return switch (message.path("type").asString("")) {
            case "ready" -> enter(message);
            case "offer", "answer" -> relayDescription(message);
            case "candidate" -> relayCandidate(message);
            // the browser says it is still there; hearing it is all that matters
            case "alive" -> entered != null ? Outcome.ACCEPTED : rejected("alive before entering");
            case "bye" -> {
                leave();
                yield Outcome.ACCEPTED;
            }
            default -> rejected("unknown type");
        };
    }

    /** Takes this participant out of the room; safe to call more than once. A ticket is not good for a second entry. */
    synchronized void leave() {
        Issued left = entered;
        if (left != null) {
            entered = null;
            rooms.leave(left.room(), participantId);
        }
        unheardTotal.release(unheardChars.getAndSet(0));
    }

    /** Takes a browser that stopped speaking out of the room, and tells it, should it come back. */
    synchronized void expire() {
        leave();
        deliver(refusal("GONE", "This browser was silent for too long and left the call. Join again."));
    }

    private Outcome enter(JsonNode message) {
        if (entered != null) {
            return rejected("entered already");
        }
        // without a proposal one is drawn here, so that the room has a salt whoever enters first
        JsonNode proposal = message.path("salt");
        String salt = proposal.isMissingNode() ? randomSalt() : proposal.isString() ? proposal.asString() : "";
        if (!SALT.matcher(salt).matches()) {
            deliver(refusal("INVALID", "This page is out of date. Reload it and join again."));
            return rejected("malformed salt");
        }
        String token = message.path("token").asString("");
        Optional<Issued> issued = token.equals(ticket.token()) ? tickets.redeem(token) : Optional.empty();
        if (issued.isEmpty()) {
            deliver(refusal("INVALID", "This call ticket is not valid any more. Join again."));
            return rejected("wrong or used token");
        }
        Issued ticketFor = issued.get();
        Admission admission = rooms.enter(
                ticketFor.room(), participantId, ticketFor.name(), ticketFor.address(), salt, this::deliver);
        switch (admission) {
            case Admitted admitted -> {
                entered = ticketFor;
                ObjectNode welcome = json.objectNode()
                        .put("type", "welcome")
                        .put("self", participantId)
                        .put("salt", admitted.salt());
                var peers = welcome.putArray("peers");
                admitted.others()
                        .forEach(
                                other -> peers.addObject().put("id", other.id()).put("name", other.name()));
                deliver(welcome);
                return Outcome.ACCEPTED;
            }
            case Refused refused -> {
                deliver(refusal(refused.reason(), refused.message()));
                return Outcome.ACCEPTED;
            }
        }
    }

    private Outcome relayDescription(JsonNode message) {
        String sdp = message.path("sdp").asString("");
        if (sdp.isBlank()) {
            return rejected("no description");
        }
        return relay(
                message,
                json.objectNode()
                        .put("type", message.path("type").asString())
                        .put("from", participantId)
                        .put("sdp", sdp));
    }

    private Outcome relayCandidate(JsonNode message) {
        JsonNode candidate = message.path("candidate");
        JsonNode line = candidate.path("candidate");
        JsonNode mid = candidate.path("sdpMid");
        JsonNode index = candidate.path("sdpMLineIndex");
        boolean wellFormed = line.isString()
                && line.asString().length() <= MAX_CANDIDATE_CHARS
                && (mid.isMissingNode()
                        || mid.isNull()
                        || (mid.isString() && mid.asString().length() <= 64))
                && (index.isMissingNode()
                        || index.isNull()
                        || (index.isInt() && index.asInt() >= 0 && index.asInt() < 64));
        if (!wellFormed) {
            return rejected("not a candidate");
        }
        ObjectNode relayed = json.objectNode().put("type", "candidate").put("from", participantId);
        ObjectNode copy = relayed.putObject("candidate").put("candidate", line.asString());
        copy.set("sdpMid", mid.isString() ? json.stringNode(mid.asString()) : json.nullNode());
        copy.set("sdpMLineIndex", index.isInt() ? json.numberNode(index.asInt()) : json.nullNode());
        return relay(message, relayed);
    }

    /** Sends the rebuilt message to its addressee: someone else in this participant's own room. */
    private Outcome relay(JsonNode message, ObjectNode rebuilt) {
        String to = message.path("to").asString("");
        Issued in = entered;
        if (in == null || to.equals(participantId) || !rooms.send(in.room(), to, rebuilt)) {
            return rejected("no such participant in this room");
        }
        return Outcome.ACCEPTED;
    }

    /**
     * Hands a message to this participant's browser, unless it has been sent too much without
     * answering. Called from other participants' threads: it takes no lock, so two browsers that
     * message each other at once cannot wait on each other.
     */
    private void deliver(ObjectNode message) {
        int chars = message.toString().length();
        if (unheardChars.addAndGet(chars) > MAX_UNHEARD_CHARS || !unheardTotal.reserve(chars)) {
            unheardChars.addAndGet(-chars);
            log.debug("Dropped a message for a participant in room {} that has not answered", ticket.room());
            return;
        }
        toBrowser.accept(message);
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
