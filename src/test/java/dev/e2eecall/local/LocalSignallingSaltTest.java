package dev.e2eecall.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2eecall.local.LocalSignalling.Outcome;
import dev.e2eecall.local.SignallingServer.Browser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The call salt: the first participant's is the room's, handed to everyone who enters; a malformed one is refused. */
class LocalSignallingSaltTest {

    private final SignallingServer server = new SignallingServer();

    @Test
    void firstParticipantsSalt_isTheRoomsSalt_forEveryoneWhoEnters() {
        Browser ada = server.browser("lab", "Ada");
        Browser grace = server.browser("lab", "Grace");
        Browser alan = server.browser("lab", "Alan");

        List.of(ada, grace, alan).forEach(Browser::ready);

        assertThat(ada.welcomeSalt()).isEqualTo(ada.salt);
        assertThat(grace.welcomeSalt()).isEqualTo(ada.salt);
        assertThat(alan.welcomeSalt()).isEqualTo(ada.salt);
        assertThat(grace.salt).isNotEqualTo(ada.salt);
    }

    @Test
    void roomThatEmptied_takesTheNextFirstParticipantsSalt() {
        Browser ada = server.browser("lab", "Ada");
        ada.ready();
        ada.send("{\"type\":\"bye\"}");
        Browser grace = server.browser("lab", "Grace");

        grace.ready();

        assertThat(grace.welcomeSalt()).isEqualTo(grace.salt).isNotEqualTo(ada.salt);
    }

    @Test
    void twoRooms_keepSaltsOfTheirOwn() {
        Browser ada = server.browser("red", "Ada");
        Browser alan = server.browser("blue", "Alan");

        ada.ready();
        alan.ready();

        assertThat(ada.welcomeSalt()).isEqualTo(ada.salt);
        assertThat(alan.welcomeSalt()).isEqualTo(alan.salt);
    }

    @Test
    void readyWithoutASalt_entersWithOneDrawnByTheServer_whichTheNextOneGetsToo() {
        Browser ada = server.browser("lab", "Ada");
        Browser grace = server.browser("lab", "Grace");

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
            Browser ada = server.browser("lab", "Ada");
            Outcome outcome =
                    ada.send("{\"type\":\"ready\",\"token\":\"" + ada.ticket.token() + "\",\"salt\":" + salt + "}");

            assertThat(outcome).as(salt).isEqualTo(Outcome.REJECTED);
            assertThat(ada.last().path("type").asString()).isEqualTo("refused");
            assertThat(ada.last().path("reason").asString()).isEqualTo("INVALID");
            assertThat(ada.last().path("message").asString())
                    .isEqualTo("This page is out of date. Reload it and join again.");
        }
        assertThat(server.rooms.occupancy()).isEmpty();
    }
}
