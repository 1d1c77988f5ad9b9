package dev.e2eecall.local;

import dev.e2eecall.call.CallTicket;
import dev.e2eecall.local.LocalSignalling.Outcome;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a local-mode server shares between the browsers it signals for: rooms (at most 3, of 3
 * places per address), tickets and the total sent to silent browsers; and the browsers themselves,
 * each with its signalling on the server and what the server sent it.
 */
final class SignallingServer {

    private static final SecureRandom random = new SecureRandom();

    final JsonMapper json = JsonMapper.builder().build();
    final LocalRooms rooms = new InProcessLocalRooms(3, 3);
    final LocalTickets tickets = new LocalTickets(Duration.ofMinutes(10));
    final UnheardTotal unheard = new UnheardTotal(LocalBackend.MAX_UNHEARD_TOTAL_CHARS);
    private int addresses;

    /** A browser with a ticket to the room, from an address of its own. */
    Browser browser(String room, String name) {
        return new Browser(room, name, "10.0.0." + ++addresses);
    }

    /** A browser with a ticket to the room, from the given address. */
    Browser browser(String room, String name, String address) {
        return new Browser(room, name, address);
    }

    /** One participant's browser: what the server sent it, and its signalling on the server. */
    final class Browser {
        final List<ObjectNode> inbox = new CopyOnWriteArrayList<>();
        /** The salt this browser proposes, as the page does: 16 random bytes in base64url. */
        final String salt;

        final CallTicket.Local ticket;
        final LocalSignalling signalling;

        private Browser(String room, String name, String address) {
            ticket = new CallTicket.Local(
                    tickets.issue(room, name, address), room, name, List.of(), CallTicket.IcePolicy.ALL);
            signalling = new LocalSignalling(rooms, tickets, ticket, inbox::add, unheard);
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            salt = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }

        Outcome send(String message) {
            return signalling.receive(json.readTree(message));
        }

        Outcome ready() {
            return send("{\"type\":\"ready\",\"token\":\"" + ticket.token() + "\",\"salt\":\"" + salt + "\"}");
        }

        /** The salt the server's welcome gave this browser. */
        String welcomeSalt() {
            return inbox.stream()
                    .filter(message -> message.path("type").asString().equals("welcome"))
                    .findFirst()
                    .orElseThrow()
                    .path("salt")
                    .asString();
        }

        String id() {
            return signalling.participantId();
        }

        JsonNode last() {
            return inbox.getLast();
        }
    }
}
