package dev.e2eecall.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2eecall.ConfigurationBinding;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalPropertiesTest {

    @Test
    void iceServers_areTrimmedAndEmptyEntriesDropped() {
        assertThat(ConfigurationBinding.bind("local", LocalProperties.class,
                Map.of("local.ice-servers", " stun:stun.example.org:3478 ,, turn:turn.example.org ")).iceServers())
                .containsExactly("stun:stun.example.org:3478", "turn:turn.example.org");
    }

    @Test
    void badValues_areRefusedNamingTheVariable() {
        assertThat(ConfigurationBinding.problems("local", LocalProperties.class,
                Map.of("local.ice-servers", "stun:ok.example.org,https://example.org")))
                .containsExactly("LOCAL_ICE_SERVERS holds an entry that is not a stun:, stuns:, turn: or turns: URL");
        assertThat(ConfigurationBinding.problems("local", LocalProperties.class, Map.of("local.max-rooms", "0")))
                .containsExactly("LOCAL_MAX_ROOMS must be at least 1");
    }
}
