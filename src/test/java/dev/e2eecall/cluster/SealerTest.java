package dev.e2eecall.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

/** A sealed value opens only with the same secret, in the same use, under the same key, unchanged. */
class SealerTest {

    private static final String SECRET = "a-cluster-secret-of-forty-characters-0123";
    private final ClusterSeal seal = ClusterSeal.of(SECRET);
    private final Sealer rooms = seal.forUse("local-rooms");

    @Test
    void sealedValue_opensWhereItWasPut_andHidesWhatItHolds() {
        byte[] sealed = rooms.sealText("key-1", "Ada Lovelace in room x");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Ada", "room");
        assertThat(rooms.openText("key-1", sealed)).hasValue("Ada Lovelace in room x");
        // a fresh nonce each time: equal values do not look equal
        assertThat(rooms.sealText("key-1", "Ada Lovelace in room x")).isNotEqualTo(sealed);
    }

    @Test
    void sealedValue_movedToAnotherKeyUseOrSecret_orChanged_isDroppedAndCounted() {
        byte[] sealed = rooms.sealText("key-1", "value");
        long before = seal.dropped();

        assertThat(rooms.open("key-2", sealed)).isEmpty();
        assertThat(seal.forUse("room-sessions").open("key-1", sealed)).isEmpty();
        assertThat(ClusterSeal.of(SECRET + "x").forUse("local-rooms").open("key-1", sealed))
                .isEmpty();
        byte[] changed = sealed.clone();
        changed[changed.length - 1] ^= 1;
        assertThat(rooms.open("key-1", changed)).isEmpty();
        assertThat(rooms.open("key-1", "a plain string")).isEmpty();
        assertThat(rooms.open("key-1", new HashMap<>())).isEmpty();
        assertThat(rooms.open("key-1", new byte[3])).isEmpty();

        // six here; the one with the other secret is counted by that secret's seal
        assertThat(seal.dropped() - before).isEqualTo(6);
    }

    @Test
    void names_areHmacs_thatDifferByUseAndSecret() {
        String name = rooms.name("room x");

        assertThat(name).matches("[0-9a-f]{64}").isEqualTo(rooms.name("room x"));
        assertThat(seal.forUse("room-sessions").name("room x")).isNotEqualTo(name);
        assertThat(ClusterSeal.of(SECRET + "x").forUse("local-rooms").name("room x"))
                .isNotEqualTo(name);
    }

    @Test
    void shortSecret_isRefused_withoutShowingIt() {
        assertThatThrownBy(() -> ClusterSeal.of("short-secret-0123456789"))
                .hasMessageContaining("CLUSTER_SECRET")
                .hasMessageNotContaining("short-secret");
        assertThat(seal.toString()).doesNotContain(SECRET);
    }
}
