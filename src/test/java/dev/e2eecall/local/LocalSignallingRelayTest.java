package dev.e2eecall.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2eecall.local.LocalSignalling.Outcome;
import dev.e2eecall.local.SignallingServer.Browser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the server relays between the browsers of a room, and what it drops. */
class LocalSignallingRelayTest {

    private final SignallingServer server = new SignallingServer();

    @Test
    void offer_reachesOnlyTheAddressee_fromTheSender_withOnlyItsOwnFields() {
        Browser ada = server.browser("lab", "Ada");
        Browser grace = server.browser("lab", "Grace");
        Browser alan = server.browser("lab", "Alan");
        ada.ready();
        grace.ready();
        alan.ready();
        int alanSeen = alan.inbox.size();

        Outcome outcome = grace.send("{\"type\":\"offer\",\"to\":\"" + ada.id()
                + "\",\"sdp\":\"v=0 offer\",\"from\":\"forged\",\"extra\":\"dropped\"}");

        assertThat(outcome).isEqualTo(Outcome.ACCEPTED);
        assertThat(server.json.writeValueAsString(ada.last()))
                .isEqualTo("{\"type\":\"offer\",\"from\":\"" + grace.id() + "\",\"sdp\":\"v=0 offer\"}");
        assertThat(alan.inbox).hasSize(alanSeen);
    }

    @Test
    void candidate_isRelayedRebuilt() {
        Browser ada = server.browser("lab", "Ada");
        Browser grace = server.browser("lab", "Grace");
        ada.ready();
        grace.ready();

        grace.send(
                "{\"type\":\"candidate\",\"to\":\"" + ada.id() + "\",\"candidate\":{\"candidate\":\"candidate:1 1 udp"
                        + " 2122260223 127.0.0.1 50000 typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"other\":1}}");

        assertThat(server.json.writeValueAsString(ada.last().path("candidate")))
                .isEqualTo(
                        "{\"candidate\":\"candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}");
    }

    @Test
    void malformedOversizedAndMisaddressedMessages_areRejected_andDeliverNothing() {
        Browser ada = server.browser("lab", "Ada");
        Browser grace = server.browser("lab", "Grace");
        Browser stranger = server.browser("elsewhere", "Stranger");
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
    void twoRooms_neverSeeEachOthersMessages() {
        Browser ada = server.browser("red", "Ada");
        Browser grace = server.browser("red", "Grace");
        Browser alan = server.browser("blue", "Alan");
        Browser joan = server.browser("blue", "Joan");
        List.of(ada, grace, alan, joan).forEach(Browser::ready);

        grace.send("{\"type\":\"offer\",\"to\":\"" + ada.id() + "\",\"sdp\":\"red offer\"}");
        joan.send("{\"type\":\"offer\",\"to\":\"" + alan.id() + "\",\"sdp\":\"blue offer\"}");

        assertThat(ada.inbox).noneMatch(message -> message.toString().contains("blue"));
        assertThat(alan.inbox).noneMatch(message -> message.toString().contains("red"));
        assertThat(ada.inbox).noneMatch(message -> message.toString().contains(alan.id()));
    }

    @Test
    void flood_isCutOffByTheSendersBudget() {
        Browser ada = server.browser("lab", "Ada");
        Browser flooder = server.browser("lab", "Flooder");
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
        Browser silent = server.browser("lab", "Silent");
        Browser sender = server.browser("lab", "Sender");
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
        assertThat(server.unheard.chars()).isBetween(held, (long) LocalSignalling.MAX_UNHEARD_CHARS);

        silent.send("{\"type\":\"alive\"}");
        assertThat(server.unheard.chars()).isZero();
        sender.send("{\"type\":\"offer\",\"to\":\"" + silent.id() + "\",\"sdp\":\"v=0 later\"}");
        assertThat(silent.last().path("sdp").asString()).isEqualTo("v=0 later");
    }
}
