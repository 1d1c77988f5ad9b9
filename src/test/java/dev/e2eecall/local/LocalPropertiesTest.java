package dev.e2eecall.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2eecall.ConfigurationBinding;
import dev.e2eecall.call.CallTicket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalPropertiesTest {

    @Test
    void iceServers_areTrimmedAndEmptyEntriesDropped() {
        assertThat(ConfigurationBinding.bind(
                                "local",
                                LocalProperties.class,
                                Map.of("local.ice-servers", " stun:stun.example.org:3478 ,, turn:turn.example.org "))
                        .iceServers())
                .containsExactly("stun:stun.example.org:3478", "turn:turn.example.org");
    }

    @Test
    void badValues_areRefusedNamingTheVariable() {
        assertThat(ConfigurationBinding.problems(
                        "local",
                        LocalProperties.class,
                        Map.of("local.ice-servers", "stun:ok.example.org,https://example.org")))
                .containsExactly("LOCAL_ICE_SERVERS holds an entry that is not a stun:, stuns:, turn: or turns: URL");
        assertThat(ConfigurationBinding.problems("local", LocalProperties.class, Map.of("local.max-rooms", "0")))
                .containsExactly("LOCAL_MAX_ROOMS must be at least 1");
    }

    @Test
    void turnSettings_areRefusedWhenTheyCannotWork_namingTheVariables() {
        String turn = "turn:turn.example.org:3478";
        assertThat(problems(Map.of("local.ice-servers", turn, "local.turn-username", "ada")))
                .containsExactly("LOCAL_TURN_USERNAME and LOCAL_TURN_CREDENTIAL go together: set both or neither");
        assertThat(problems(Map.of("local.ice-servers", turn, "local.turn-credential", "password")))
                .containsExactly("LOCAL_TURN_USERNAME and LOCAL_TURN_CREDENTIAL go together: set both or neither");
        assertThat(problems(Map.of(
                        "local.ice-servers",
                        turn,
                        "local.turn-secret",
                        "secret",
                        "local.turn-username",
                        "ada",
                        "local.turn-credential",
                        "password")))
                .containsExactly("LOCAL_TURN_SECRET and LOCAL_TURN_USERNAME/LOCAL_TURN_CREDENTIAL are two ways to "
                        + "give TURN credentials: set one of them");
        assertThat(problems(Map.of("local.ice-servers", "stun:stun.example.org", "local.turn-secret", "secret")))
                .containsExactly("TURN credentials are set, but LOCAL_ICE_SERVERS names no turn: or turns: server");
        assertThat(problems(Map.of("local.turn-username", "ada", "local.turn-credential", "password")))
                .containsExactly("TURN credentials are set, but LOCAL_ICE_SERVERS names no turn: or turns: server");
        for (String lifetime : List.of("59s", "8d", "0s")) {
            assertThat(problems(Map.of(
                            "local.ice-servers",
                            turn,
                            "local.turn-secret",
                            "secret",
                            "local.turn-credential-lifetime",
                            lifetime)))
                    .as(lifetime)
                    .containsExactly("LOCAL_TURN_CREDENTIAL_LIFETIME must be from 1m to 7d, such as 12h");
        }
    }

    @Test
    void turnSettings_thatWork_areTaken_blankOnesAsUnset() {
        LocalProperties derived = ConfigurationBinding.bind(
                "local",
                LocalProperties.class,
                Map.of(
                        "local.ice-servers",
                        "turns:turn.example.org:5349",
                        "local.turn-secret",
                        " secret ",
                        "local.turn-username",
                        " ",
                        "local.turn-credential",
                        "",
                        "local.turn-credential-lifetime",
                        "1m"));
        assertThat(derived.turnSecret()).isEqualTo("secret");
        assertThat(derived.turnUsername()).isNull();
        assertThat(derived.turnCredential()).isNull();
        assertThat(derived.turnCredentialLifetime()).isEqualTo(Duration.ofMinutes(1));

        LocalProperties none = ConfigurationBinding.bind("local", LocalProperties.class, Map.of());
        assertThat(none.turnSecret()).isNull();
        assertThat(none.turnCredentialLifetime()).isEqualTo(Duration.ofHours(12));
        assertThat(none.icePathPolicy()).isEqualTo(CallTicket.IcePolicy.ALL);
    }

    @Test
    void icePolicy_isAllOrRelay_andRelayNeedsATurnServer() {
        assertThat(ConfigurationBinding.bind(
                                "local",
                                LocalProperties.class,
                                Map.of("local.ice-servers", "turn:turn.example.org", "local.ice-policy", " Relay "))
                        .icePathPolicy())
                .isEqualTo(CallTicket.IcePolicy.RELAY);
        assertThat(ConfigurationBinding.bind("local", LocalProperties.class, Map.of("local.ice-policy", "all"))
                        .icePathPolicy())
                .isEqualTo(CallTicket.IcePolicy.ALL);
        assertThat(problems(Map.of("local.ice-servers", "turn:turn.example.org", "local.ice-policy", "none")))
                .containsExactly("LOCAL_ICE_POLICY must be all or relay");
        assertThat(problems(Map.of("local.ice-servers", "stun:stun.example.org", "local.ice-policy", "relay")))
                .containsExactly("LOCAL_ICE_POLICY=relay needs a turn: or turns: server in LOCAL_ICE_SERVERS");
    }

    @Test
    void silence_is15sByDefault_andMustBeLongerThanTheBrowsersBeat() {
        assertThat(ConfigurationBinding.bind("local", LocalProperties.class, Map.of())
                        .silence())
                .isEqualTo(Duration.ofSeconds(15));
        assertThat(ConfigurationBinding.bind("local", LocalProperties.class, Map.of("local.silence", "6s"))
                        .silence())
                .isEqualTo(Duration.ofSeconds(6));
        for (String silence : List.of("5s", "1s", "0s", "-15s")) {
            assertThat(problems(Map.of("local.silence", silence)))
                    .as(silence)
                    .containsExactly(
                            "LOCAL_SILENCE must be longer than 5s, how often a browser in a call says it is alive, such as 15s");
        }
    }

    private static List<String> problems(Map<String, String> properties) {
        return ConfigurationBinding.problems("local", LocalProperties.class, properties);
    }
}
