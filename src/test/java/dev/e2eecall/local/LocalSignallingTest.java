package dev.e2eecall.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2eecall.call.CallTicket;
import dev.e2eecall.local.LocalSignalling.Outcome;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class LocalSignallingTest {

    private static final SecureRandom random = new SecureRandom();

    private final JsonMapper json = JsonMapper.builder().build();
    private final LocalRooms rooms = new InProcessLocalRooms(3, 3);
    private final LocalTickets tickets = new LocalTickets(Duration.ofMinutes(10));
    private final UnheardTotal unheard = new UnheardTotal(LocalBackend.MAX_UNHEARD_TOTAL_CHARS);
    private int addresses;

    /** One participant's browser: what the server sent it, and its signalling on the server. */
    private final class Browser {
        final List<ObjectNode> inbox = new CopyOnWriteArrayList<>();
        /** The salt this browser proposes, as the page does: 16 random bytes in base64url. */
        final String salt;

        final CallTicket.Local ticket;
        final LocalSignalling signalling;

        Browser(String room, String name) {
            // each browser from its own address, unless a test says otherwise
            this(room, name, "10.0.0." + ++addresses);
        }

        Browser(String room, String name, String address) {
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

    @Test
    void ready_entersTheRoom_welcomesWithThoseAlreadyThere_andTellsThem() {
        Browser ada = new Browser("lab", "Ada");
        Browser grace = new Browser("lab", "Grace");

        assertThat(ada.ready()).isEqualTo(Outcome.ACCEPTED);
        assertThat(ada.last().path("type").asString()).isEqualTo("welcome");
        assertThat(ada.last().path("peers").size()).isZero();

        grace.ready();
        assertThat(grace.last().path("self").asString()).isEqualTo(grace.id());
        assertThat(grace.last().path("peers").get(0).path("id").asString()).isEqualTo(ada.id());
        assertThat(grace.last().path("peers").get(0).path("name").asString()).isEqualTo("Ada");
        assertThat(ada.last().path("type").asString()).isEqualTo("peer-joined");
        assertThat(ada.last().path("peer").path("name").asString()).isEqualTo("Grace");
        assertThat(rooms.occupancy()).containsEntry("lab", 2);
    }

    @Test
    void wrongToken_isRefused_andDoesNotEnter() {
        Browser ada = new Browser("lab", "Ada");

        assertThat(ada.send("{\"type\":\"ready\",\"token\":\"guessed\"}")).isEqualTo(Outcome.REJECTED);

        assertThat(ada.last().path("type").asString()).isEqualTo("refused");
        assertThat(ada.last().path("reason").asString()).isEqualTo("INVALID");
        assertThat(rooms.occupancy()).isEmpty();
    }

    @Test
    void fifthParticipant_isRefusedWithRoomFull() {
        for (int i = 0; i < LocalRooms.MAX_PARTICIPANTS; i++) {
            new Browser("full", "Person " + i).ready();
        }
        Browser fifth = new Browser("full", "Fifth");

        fifth.ready();

        assertThat(fifth.last().path("type").asString()).isEqualTo("refused");
        assertThat(fifth.last().path("reason").asString()).isEqualTo("ROOM_FULL");
        assertThat(fifth.last().path("message").asString())
                .isEqualTo("This room is full in local mode: 4 people are in it, the most a local call holds.");
        assertThat(rooms.occupancy()).containsEntry("full", 4);
        assertThat(rooms.hasRoomFor("full", "10.9.9.9")).isFalse();
    }

    @Test
    void roomsBeyondTheCap_areRefused() {
        new Browser("one", "A").ready();
        new Browser("two", "B").ready();
        new Browser("three", "C").ready();
        Browser fourth = new Browser("four", "D");

        fourth.ready();

        assertThat(fourth.last().path("reason").asString()).isEqualTo("ROOMS_FULL");
        assertThat(rooms.hasRoomFor("four", "10.9.9.9")).isFalse();
        assertThat(rooms.hasRoomFor("one", "10.9.9.9")).isTrue();
    }

    @Test
    void offer_reachesOnlyTheAddressee_fromTheSender_withOnlyItsOwnFields() {
        Browser ada = new Browser("lab", "Ada");
        Browser grace = new Browser("lab", "Grace");
        Browser alan = new Browser("lab", "Alan");
        ada.ready();
        grace.ready();
        alan.ready();
        int alanSeen = alan.inbox.size();

        Outcome outcome = grace.send("{\"type\":\"offer\",\"to\":\"" + ada.id()
                + "\",\"sdp\":\"v=0 offer\",\"from\":\"forged\",\"extra\":\"dropped\"}");

        assertThat(outcome).isEqualTo(Outcome.ACCEPTED);
        assertThat(json.writeValueAsString(ada.last()))
                .isEqualTo("{\"type\":\"offer\",\"from\":\"" + grace.id() + "\",\"sdp\":\"v=0 offer\"}");
        assertThat(alan.inbox).hasSize(alanSeen);
    }

    @Test
    void candidate_isRelayedRebuilt() {
        Browser ada = new Browser("lab", "Ada");
        Browser grace = new Browser("lab", "Grace");
        ada.ready();
        grace.ready();

        grace.send(
                "{\"type\":\"candidate\",\"to\":\"" + ada.id() + "\",\"candidate\":{\"candidate\":\"candidate:1 1 udp"
                        + " 2122260223 127.0.0.1 50000 typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"other\":1}}");

        assertThat(json.writeValueAsString(ada.last().path("candidate")))
                .isEqualTo(
                        "{\"candidate\":\"candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}");
    }

    @Test
    void malformedOversizedAndMisaddressedMessages_areRejected_andDeliverNothing() {
        Browser ada = new Browser("lab", "Ada");
        Browser grace = new Browser("lab", "Grace");
        Browser stranger = new Browser("elsewhere", "Stranger");
        ada.ready();
        grace.ready();
        stranger.ready();
        int adaSeen = ada.inbox.size();
        int strangerSeen = stranger.inbox.size();
        String tooLarge = "x".repeat(LocalSignalling.MAX_MESSAGE_CHARS);

        List<String> bad = List.of(
                "[]",
                "\"ready\"",
                "{}",
                "{\"type\":42}",
                "{\"type\":\"shout\",\"to\":\"" + ada.id() + "\"}",
                "{\"type\":\"offer\",\"to\":\"" + ada.id() + "\"}",
                "{\"type\":\"offer\",\"to\":\"" + ada.id() + "\",\"sdp\":\"" + tooLarge + "\"}",
                "{\"type\":\"offer\",\"to\":\"nobody\",\"sdp\":\"v=0\"}",
                "{\"type\":\"offer\",\"to\":\"" + grace.id() + "\",\"sdp\":\"v=0\"}",
                "{\"type\":\"offer\",\"to\":\"" + stranger.id() + "\",\"sdp\":\"v=0\"}",
                "{\"type\":\"candidate\",\"to\":\"" + ada.id() + "\",\"candidate\":\"not an object\"}",
                "{\"type\":\"candidate\",\"to\":\"" + ada.id()
                        + "\",\"candidate\":{\"candidate\":\"c\",\"sdpMLineIndex\":-1}}",
                "{\"type\":\"ready\",\"token\":\"" + grace.ticket.token() + "\"}");

        for (String message : bad) {
            assertThat(grace.send(message))
                    .as(message.length() > 80 ? message.substring(0, 80) : message)
                    .isEqualTo(Outcome.REJECTED);
        }
        assertThat(ada.inbox).hasSize(adaSeen);
        assertThat(stranger.inbox).hasSize(strangerSeen);
    }

    @Test
    void messagesBeforeEntering_areRejected() {
        Browser ada = new Browser("lab", "Ada");
        Browser early = new Browser("lab", "Early");
        ada.ready();

        assertThat(early.send("{\"type\":\"offer\",\"to\":\"" + ada.id() + "\",\"sdp\":\"v=0\"}"))
                .isEqualTo(Outcome.REJECTED);
    }

    @Test
    void twoRooms_neverSeeEachOthersMessages() {
        Browser ada = new Browser("red", "Ada");
        Browser grace = new Browser("red", "Grace");
        Browser alan = new Browser("blue", "Alan");
        Browser joan = new Browser("blue", "Joan");
        List.of(ada, grace, alan, joan).forEach(Browser::ready);

        grace.send("{\"type\":\"offer\",\"to\":\"" + ada.id() + "\",\"sdp\":\"red offer\"}");
        joan.send("{\"type\":\"offer\",\"to\":\"" + alan.id() + "\",\"sdp\":\"blue offer\"}");

        assertThat(ada.inbox).noneMatch(message -> message.toString().contains("blue"));
        assertThat(alan.inbox).noneMatch(message -> message.toString().contains("red"));
        assertThat(ada.inbox).noneMatch(message -> message.toString().contains(alan.id()));
    }

    @Test
    void leaving_tellsTheOthers_andEmptiesTheRoom() {
        Browser ada = new Browser("lab", "Ada");
        Browser grace = new Browser("lab", "Grace");
        ada.ready();
        grace.ready();

        grace.send("{\"type\":\"bye\"}");

        assertThat(ada.last().path("type").asString()).isEqualTo("peer-left");
        assertThat(ada.last().path("peer").path("id").asString()).isEqualTo(grace.id());
        assertThat(rooms.occupancy()).containsEntry("lab", 1);

        ada.signalling.leave();
        ada.signalling.leave();
        assertThat(rooms.occupancy()).isEmpty();
    }

    @Test
    void ticket_isGoodForOneEntry_evenAfterBye() {
        Browser ada = new Browser("lab", "Ada");
        Browser grace = new Browser("lab", "Grace");
        ada.ready();
        grace.ready();
        int adaSeen = ada.inbox.size();

        for (int round = 0; round < 5; round++) {
            grace.send("{\"type\":\"bye\"}");
            grace.ready();
        }

        assertThat(grace.last().path("type").asString()).isEqualTo("refused");
        assertThat(grace.last().path("reason").asString()).isEqualTo("INVALID");
        // one leave, and no second join
        assertThat(ada.inbox.subList(adaSeen, ada.inbox.size()))
                .extracting(message -> message.path("type").asString())
                .containsExactly("peer-left");
        assertThat(rooms.occupancy()).containsEntry("lab", 1);
    }

    @Test
    void oneAddress_cannotFillARoom() {
        for (int i = 0; i < 3; i++) {
            assertThat(new Browser("office", "Tab " + i, "10.1.1.1").ready()).isEqualTo(Outcome.ACCEPTED);
        }
        Browser fourthTab = new Browser("office", "Tab 3", "10.1.1.1");

        fourthTab.ready();

        assertThat(fourthTab.last().path("reason").asString()).isEqualTo("ROOM_FULL");
        assertThat(rooms.hasRoomFor("office", "10.1.1.1")).isFalse();
        assertThat(rooms.hasRoomFor("office", "10.2.2.2")).isTrue();
        assertThat(new Browser("office", "Someone else", "10.2.2.2").ready()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void flood_isCutOffByTheSendersBudget() {
        Browser ada = new Browser("lab", "Ada");
        Browser flooder = new Browser("lab", "Flooder");
        ada.ready();
        flooder.ready();
        int adaSeen = ada.inbox.size();

        int accepted = 0;
        for (int i = 0; i < 2000; i++) {
            if (flooder.send("{\"type\":\"offer\",\"to\":\"" + ada.id() + "\",\"sdp\":\"v=0 " + i + "\"}")
                    == Outcome.ACCEPTED) {
                accepted++;
            }
        }

        // the burst, plus what the budget refilled while the loop ran
        assertThat(accepted).isBetween(LocalSignalling.BUDGET_BURST - 1, LocalSignalling.BUDGET_BURST + 200);
        assertThat(ada.inbox.size() - adaSeen).isEqualTo(accepted);
    }

    @Test
    void silentRecipient_isSentABoundedAmount_andMoreOnceItSpeaks() {
        Browser silent = new Browser("lab", "Silent");
        Browser sender = new Browser("lab", "Sender");
        silent.ready();
        sender.ready();
        silent.inbox.clear();
        String sdp = "v=0 " + "a".repeat(45 * 1024);

        for (int i = 0; i < 200; i++) {
            sender.send("{\"type\":\"offer\",\"to\":\"" + silent.id() + "\",\"sdp\":\"" + sdp + "\"}");
        }

        long held = silent.inbox.stream()
                .mapToLong(message -> message.toString().length())
                .sum();
        assertThat(held).isLessThanOrEqualTo(LocalSignalling.MAX_UNHEARD_CHARS);
        assertThat(silent.inbox).hasSizeLessThan(12);
        // what the room sent it since it said ready counts too
        assertThat(unheard.chars()).isBetween(held, (long) LocalSignalling.MAX_UNHEARD_CHARS);

        silent.send("{\"type\":\"alive\"}");
        assertThat(unheard.chars()).isZero();
        sender.send("{\"type\":\"offer\",\"to\":\"" + silent.id() + "\",\"sdp\":\"v=0 later\"}");
        assertThat(silent.last().path("sdp").asString()).isEqualTo("v=0 later");
    }

    @Test
    void expiredParticipant_leavesTheRoom_andIsToldSo() {
        Browser ada = new Browser("lab", "Ada");
        Browser gone = new Browser("lab", "Gone");
        ada.ready();
        gone.ready();

        gone.signalling.expire();

        assertThat(ada.last().path("type").asString()).isEqualTo("peer-left");
        assertThat(gone.last().path("reason").asString()).isEqualTo("GONE");
        assertThat(rooms.occupancy()).containsEntry("lab", 1);
        assertThat(gone.send("{\"type\":\"alive\"}")).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void firstParticipantsSalt_isTheRoomsSalt_forEveryoneWhoEnters() {
        Browser ada = new Browser("lab", "Ada");
        Browser grace = new Browser("lab", "Grace");
        Browser alan = new Browser("lab", "Alan");

        List.of(ada, grace, alan).forEach(Browser::ready);

        assertThat(ada.welcomeSalt()).isEqualTo(ada.salt);
        assertThat(grace.welcomeSalt()).isEqualTo(ada.salt);
        assertThat(alan.welcomeSalt()).isEqualTo(ada.salt);
        assertThat(grace.salt).isNotEqualTo(ada.salt);
    }

    @Test
    void roomThatEmptied_takesTheNextFirstParticipantsSalt() {
        Browser ada = new Browser("lab", "Ada");
        ada.ready();
        ada.send("{\"type\":\"bye\"}");
        Browser grace = new Browser("lab", "Grace");

        grace.ready();

        assertThat(grace.welcomeSalt()).isEqualTo(grace.salt).isNotEqualTo(ada.salt);
    }

    @Test
    void twoRooms_keepSaltsOfTheirOwn() {
        Browser ada = new Browser("red", "Ada");
        Browser alan = new Browser("blue", "Alan");

        ada.ready();
        alan.ready();

        assertThat(ada.welcomeSalt()).isEqualTo(ada.salt);
        assertThat(alan.welcomeSalt()).isEqualTo(alan.salt);
    }

    @Test
    void readyWithoutASalt_entersWithOneDrawnByTheServer_whichTheNextOneGetsToo() {
        Browser ada = new Browser("lab", "Ada");
        Browser grace = new Browser("lab", "Grace");

        assertThat(ada.send("{\"type\":\"ready\",\"token\":\"" + ada.ticket.token() + "\"}"))
                .isEqualTo(Outcome.ACCEPTED);
        grace.ready();

        assertThat(ada.welcomeSalt()).matches("[A-Za-z0-9_-]{22}");
        assertThat(grace.welcomeSalt()).isEqualTo(ada.welcomeSalt());
    }

    @Test
    void malformedSalt_isRefused_andDoesNotEnter() {
        List<String> malformed = List.of(
                "\"\"",
                "\"short\"",
                "\"AAECAwQFBgcICQoLDA0ODw==\"",
                "\"AAECAwQFBgcICQoLDA0ODwA\"",
                "\"AAECAwQFBgcICQoLDA0O+/\"",
                "\"AAECAwQFBgcICQoLDA0O\\n\"",
                "1234567890123456789012",
                "null",
                "{}",
                "[]");

        for (String salt : malformed) {
            Browser ada = new Browser("lab", "Ada");
            Outcome outcome =
                    ada.send("{\"type\":\"ready\",\"token\":\"" + ada.ticket.token() + "\",\"salt\":" + salt + "}");

            assertThat(outcome).as(salt).isEqualTo(Outcome.REJECTED);
            assertThat(ada.last().path("type").asString()).isEqualTo("refused");
            assertThat(ada.last().path("reason").asString()).isEqualTo("INVALID");
            assertThat(ada.last().path("message").asString())
                    .isEqualTo("This page is out of date. Reload it and join again.");
        }
        assertThat(rooms.occupancy()).isEmpty();
    }
}
