package dev.e2eecall.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What one instance may hand another for a page: the relayed types, rebuilt from their known fields. */
class CrossInstanceMessagesTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String ADA = "0123456789abcdef01234567";

    @Test
    void relayedTypes_areRebuiltWithTheirKnownFieldsOnly() {
        assertThat(rebuilt("{\"type\":\"offer\",\"from\":\"" + ADA
                        + "\",\"sdp\":\"v=0\",\"salt\":\"x\",\"html\":\"<b>\"}"))
                .hasValueSatisfying(offer -> assertThat(offer.toString())
                        .isEqualTo("{\"type\":\"offer\",\"from\":\"" + ADA + "\",\"sdp\":\"v=0\"}"));
        assertThat(rebuilt(
                        "{\"type\":\"candidate\",\"from\":\"" + ADA + "\",\"candidate\":{\"candidate\":\"candidate:1\","
                                + "\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"extra\":1}}"))
                .hasValueSatisfying(
                        candidate -> assertThat(candidate.path("candidate").propertyNames())
                                .containsExactly("candidate", "sdpMid", "sdpMLineIndex"));
        assertThat(rebuilt(
                        "{\"type\":\"peer-joined\",\"peer\":{\"id\":\"" + ADA + "\",\"name\":\"Ada\",\"host\":true}}"))
                .hasValueSatisfying(news -> assertThat(news.toString())
                        .isEqualTo("{\"type\":\"peer-joined\",\"peer\":{\"id\":\"" + ADA + "\",\"name\":\"Ada\"}}"));
    }

    @Test
    void whatOnlyTheServingInstanceSays_orMalformedMessages_areRefused() {
        assertThat(rebuilt("{\"type\":\"refused\",\"reason\":\"GONE\",\"message\":\"Join again.\"}"))
                .isEmpty();
        assertThat(rebuilt("{\"type\":\"welcome\",\"self\":\"" + ADA + "\",\"salt\":\"x\",\"peers\":[]}"))
                .isEmpty();
        assertThat(rebuilt("{\"type\":\"offer\",\"from\":\"not-an-id\",\"sdp\":\"v=0\"}"))
                .isEmpty();
        assertThat(rebuilt("{\"type\":\"offer\",\"from\":\"" + ADA + "\",\"sdp\":42}"))
                .isEmpty();
        assertThat(rebuilt("{\"type\":\"peer-joined\",\"peer\":{\"id\":\"" + ADA + "\",\"name\":\"\"}}"))
                .isEmpty();
        assertThat(rebuilt("[\"offer\"]")).isEmpty();
    }

    private static Optional<ObjectNode> rebuilt(String message) {
        JsonNode node = json.readTree(message);
        return CrossInstanceMessages.rebuild(node);
    }
}
