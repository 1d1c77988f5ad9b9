package dev.e2eecall.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2eecall.ConfigurationBinding;
import dev.e2eecall.SecretLeaks;
import dev.e2eecall.call.CallTicket.IceServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TurnCredentialsTest {

    private static final String SECRET = "north-sea-relay-secret";
    private static final Instant NOW = Instant.parse("2025-11-29T12:00:00Z");

    private static LocalProperties properties(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(Map.of(
                "local.ice-servers",
                "stun:stun.example.org:3478,turn:turn.example.org:3478?transport=udp,turns:turn.example.org:5349"));
        all.putAll(settings);
        return ConfigurationBinding.bind("local", LocalProperties.class, all);
    }

    private static TurnCredentials credentials(Map<String, String> settings) {
        return new TurnCredentials(properties(settings), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void credential_isBase64OfHmacSha1OfTheUsername_asCoturnComputesIt() {
        // computed apart from this code: printf %s '1764417600:ada' | openssl dgst -sha1 -hmac north-sea-relay-secret
        // -binary | base64
        assertThat(TurnCredentials.credential(SECRET, "1764417600:ada")).isEqualTo("/aO3NUOudNHXvvbowMjvQaLXYIs=");
    }

    @Test
    void secret_givesEachJoinItsOwnUsername_expiringAfterTheLifetime_withTheMatchingCredential() {
        TurnCredentials turn = credentials(Map.of("local.turn-secret", SECRET, "local.turn-credential-lifetime", "2h"));

        List<IceServer> first = turn.forOneJoin();
        List<IceServer> second = turn.forOneJoin();

        assertThat(first)
                .extracting(IceServer::urls)
                .containsExactly(
                        "stun:stun.example.org:3478",
                        "turn:turn.example.org:3478?transport=udp",
                        "turns:turn.example.org:5349");
        assertThat(first.get(0).username()).isNull();
        assertThat(first.get(0).credential()).isNull();
        IceServer relay = first.get(1);
        long expiry = NOW.plus(Duration.ofHours(2)).getEpochSecond();
        assertThat(relay.username()).matches(expiry + ":[A-Za-z0-9_-]{12}");
        assertThat(relay.credential()).isEqualTo(TurnCredentials.credential(SECRET, relay.username()));
        assertThat(first.get(2).username()).isEqualTo(relay.username());
        assertThat(second.get(1).username()).startsWith(expiry + ":").isNotEqualTo(relay.username());
    }

    @Test
    void defaultLifetime_isTwelveHours() {
        IceServer relay =
                credentials(Map.of("local.turn-secret", SECRET)).forOneJoin().get(1);

        assertThat(relay.username()).startsWith(NOW.plus(Duration.ofHours(12)).getEpochSecond() + ":");
    }

    @Test
    void fixedPair_goesToEveryTurnServer_andNotToStun() {
        List<IceServer> servers = credentials(
                        Map.of("local.turn-username", "ada", "local.turn-credential", "fixed-relay-password"))
                .forOneJoin();

        assertThat(servers)
                .containsExactly(
                        new IceServer("stun:stun.example.org:3478"),
                        new IceServer("turn:turn.example.org:3478?transport=udp", "ada", "fixed-relay-password"),
                        new IceServer("turns:turn.example.org:5349", "ada", "fixed-relay-password"));
    }

    @Test
    void noCredentials_giveUrlsAlone() {
        assertThat(credentials(Map.of()).forOneJoin()).allSatisfy(server -> {
            assertThat(server.username()).isNull();
            assertThat(server.credential()).isNull();
        });
    }

    @Test
    void neitherTheSecretNorACredential_isInAnyToString() {
        LocalProperties derived = properties(Map.of("local.turn-secret", SECRET));
        LocalProperties fixed =
                properties(Map.of("local.turn-username", "ada", "local.turn-credential", "fixed-relay-password"));
        TurnCredentials turn = new TurnCredentials(derived, Clock.systemUTC());
        IceServer relay = turn.forOneJoin().get(1);

        String texts = derived + "\n" + fixed + "\n" + turn + "\n" + turn.forOneJoin() + "\n" + relay;

        assertThat(SecretLeaks.partsIn(texts, SECRET)).isEmpty();
        assertThat(SecretLeaks.partsIn(texts, "fixed-relay-password")).isEmpty();
        assertThat(SecretLeaks.partsIn(texts, relay.credential())).isEmpty();
        assertThat(texts).contains("turnSecret=***", "turnCredential=***", "credential=***", "ada");
    }
}
