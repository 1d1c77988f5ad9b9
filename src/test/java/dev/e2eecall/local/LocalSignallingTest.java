package dev.e2eecall.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2eecall.local.LocalSignalling.Outcome;
import dev.e2eecall.local.SignallingServer.Browser;
import org.junit.jupiter.api.Test;

/** Entering a local room with a ticket, the limits on who gets in, and leaving. */
class LocalSignallingTest {

    private final SignallingServer server = new SignallingServer();

    @Test
    void ready_entersTheRoom_welcomesWithThoseAlreadyThere_andTellsThem() {
        Browser ada = server.browser("lab", "Ada");
        Browser grace = server.browser("lab", "Grace");

        assertThat(ada.ready()).isEqualTo(Outcome.ACCEPTED);
        assertThat(ada.last().path("type").asString()).isEqualTo("welcome");
        assertThat(ada.last().path("peers").size()).isZero();

        grace.ready();
        assertThat(grace.last().path("self").asString()).isEqualTo(grace.id());
        assertThat(grace.last().path("peers").get(0).path("id").asString()).isEqualTo(ada.id());
        assertThat(grace.last().path("peers").get(0).path("name").asString()).isEqualTo("Ada");
        assertThat(ada.last().path("type").asString()).isEqualTo("peer-joined");
        assertThat(ada.last().path("peer").path("name").asString()).isEqualTo("Grace");
        assertThat(server.rooms.occupancy()).containsEntry("lab", 2);
    }

    @Test
    void wrongToken_isRefused_andDoesNotEnter() {
        Browser ada = server.browser("lab", "Ada");

        assertThat(ada.send("{\"type\":\"ready\",\"token\":\"guessed\"}")).isEqualTo(Outcome.REJECTED);

        assertThat(ada.last().path("type").asString()).isEqualTo("refused");
        assertThat(ada.last().path("reason").asString()).isEqualTo("INVALID");
        assertThat(server.rooms.occupancy()).isEmpty();
    }

    @Test
    void fifthParticipant_isRefusedWithRoomFull() {
        for (int i = 0; i < LocalRooms.MAX_PARTICIPANTS; i++) {
            server.browser("full", "Person " + i).ready();
        }
        Browser fifth = server.browser("full", "Fifth");

        fifth.ready();

        assertThat(fifth.last().path("type").asString()).isEqualTo("refused");
        assertThat(fifth.last().path("reason").asString()).isEqualTo("ROOM_FULL");
        assertThat(fifth.last().path("message").asString())
                .isEqualTo("This room is full in local mode: 4 people are in it, the most a local call holds.");
        assertThat(server.rooms.occupancy()).containsEntry("full", 4);
        assertThat(server.rooms.hasRoomFor("full", "10.9.9.9")).isFalse();
    }

    @Test
    void roomsBeyondTheCap_areRefused() {
        server.browser("one", "A").ready();
        server.browser("two", "B").ready();
        server.browser("three", "C").ready();
        Browser fourth = server.browser("four", "D");

        fourth.ready();

        assertThat(fourth.last().path("reason").asString()).isEqualTo("ROOMS_FULL");
        assertThat(server.rooms.hasRoomFor("four", "10.9.9.9")).isFalse();
        assertThat(server.rooms.hasRoomFor("one", "10.9.9.9")).isTrue();
    }

    @Test
    void messagesBeforeEntering_areRejected() {
        Browser ada = server.browser("lab", "Ada");
        Browser early = server.browser("lab", "Early");
        ada.ready();

        assertThat(early.send("{\"type\":\"offer\",\"to\":\"" + ada.id() + "\",\"sdp\":\"v=0\"}"))
                .isEqualTo(Outcome.REJECTED);
    }

    @Test
    void leaving_tellsTheOthers_andEmptiesTheRoom() {
        Browser ada = server.browser("lab", "Ada");
        Browser grace = server.browser("lab", "Grace");
        ada.ready();
        grace.ready();

        grace.send("{\"type\":\"bye\"}");

        assertThat(ada.last().path("type").asString()).isEqualTo("peer-left");
        assertThat(ada.last().path("peer").path("id").asString()).isEqualTo(grace.id());
        assertThat(server.rooms.occupancy()).containsEntry("lab", 1);

        ada.signalling.leave();
        ada.signalling.leave();
        assertThat(server.rooms.occupancy()).isEmpty();
    }

    @Test
    void ticket_isGoodForOneEntry_evenAfterBye() {
        Browser ada = server.browser("lab", "Ada");
        Browser grace = server.browser("lab", "Grace");
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
        assertThat(server.rooms.occupancy()).containsEntry("lab", 1);
    }

    @Test
    void oneAddress_cannotFillARoom() {
        for (int i = 0; i < 3; i++) {
            assertThat(server.browser("office", "Tab " + i, "10.1.1.1").ready()).isEqualTo(Outcome.ACCEPTED);
        }
        Browser fourthTab = server.browser("office", "Tab 3", "10.1.1.1");

        fourthTab.ready();

        assertThat(fourthTab.last().path("reason").asString()).isEqualTo("ROOM_FULL");
        assertThat(server.rooms.hasRoomFor("office", "10.1.1.1")).isFalse();
        assertThat(server.rooms.hasRoomFor("office", "10.2.2.2")).isTrue();
        assertThat(server.browser("office", "Someone else", "10.2.2.2").ready()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void expiredParticipant_leavesTheRoom_andIsToldSo() {
        Browser ada = server.browser("lab", "Ada");
        Browser gone = server.browser("lab", "Gone");
        ada.ready();
        gone.ready();

        gone.signalling.expire();

        assertThat(ada.last().path("type").asString()).isEqualTo("peer-left");
        assertThat(gone.last().path("reason").asString()).isEqualTo("GONE");
        assertThat(server.rooms.occupancy()).containsEntry("lab", 1);
        assertThat(gone.send("{\"type\":\"alive\"}")).isEqualTo(Outcome.REJECTED);
    }
}
