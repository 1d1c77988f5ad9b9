package dev.e2eecall.join;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2eecall.ConfigurationBinding;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallPropertiesTest {

    @Test
    void defaultRoom_isNormalizedLikeATypedRoom() {
        assertThat(ConfigurationBinding.bind("call", CallProperties.class, Map.of("call.default-room", " Team-1 "))
                        .defaultRoom())
                .isEqualTo("team-1");
    }

    @Test
    void badValues_areRefusedNamingTheVariable() {
        assertThat(ConfigurationBinding.problems("call", CallProperties.class, Map.of("call.default-room", "../etc")))
                .containsExactly("DEFAULT_ROOM must be a room name: 1 to 64 letters a-z, digits or dashes");
        assertThat(ConfigurationBinding.problems(
                        "call",
                        CallProperties.class,
                        Map.of("call.joins-per-minute-per-session", "0", "call.joins-per-minute-per-address", "-1")))
                .containsExactlyInAnyOrder(
                        "JOINS_PER_MINUTE_PER_SESSION must be at least 1",
                        "JOINS_PER_MINUTE_PER_ADDRESS must be at least 1");
    }
}
