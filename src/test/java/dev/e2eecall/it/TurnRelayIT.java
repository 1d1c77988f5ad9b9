package dev.e2eecall.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local-mode call through a real TURN relay (coturn, on this machine) with {@code LOCAL_ICE_POLICY=relay}
 * and credentials the app derives per join from {@code LOCAL_TURN_SECRET}, the secret coturn checks
 * them with. The pages' peer connections are watched (an init script records each one's
 * configuration and the candidates it gathers), and coturn's log shows the allocations it granted.
 */
class TurnRelayIT {

    private static final String TURN_SECRET = "relay-test-secret-0123456789abcdef";

    /** Records every RTCPeerConnection the page makes: its configuration and its gathered candidates' types. */
    private static final String WATCH_PEER_CONNECTIONS = """
            (() => {
              const Native = window.RTCPeerConnection;
              const watched = (window.watchedPeerConnections = []);
              window.RTCPeerConnection = class extends Native {
                constructor(...args) {
                  super(...args);
                  const entry = { connection: this, configuration: this.getConfiguration(), candidateTypes: [] };
                  watched.push(entry);
                  this.addEventListener('icecandidate', (event) => {
                    const type = event.candidate?.candidate.match(/ typ (\\w+)/)?.[1];
                    if (type) entry.candidateTypes.push(type);
                  });
                }
              };
            })();""";

    @TempDir
    static Path workingDirectory;

    static TurnServer turn;
    static PackagedApp app;
    static Chromium chromium;

    @BeforeAll
    static void start() {
        turn = TurnServer.start(TURN_SECRET);
        app = PackagedApp.start(
                workingDirectory,
                Map.of(
                        "LOCAL_ICE_SERVERS",
                        turn.url(),
                        "LOCAL_TURN_SECRET",
                        TURN_SECRET,
                        "LOCAL_TURN_CREDENTIAL_LIFETIME",
                        "10m",
                        "LOCAL_ICE_POLICY",
                        "relay"));
        chromium = new Chromium();
    }

    @AfterAll
    static void stop() {
        chromium.close();
        app.close();
        turn.close();
    }

    @Test
    void relayOnlyCall_carriesVideoThroughTheRelay_withDerivedCredentials_andNoAddressOfAParticipant() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/relayed", WATCH_PEER_CONNECTIONS);
            Tab grace = call.open("/room/relayed", WATCH_PEER_CONNECTIONS);
            String key = "relayed-call-key-0123";
            ada.join("Ada", key);
            grace.join("Grace", key);

            ada.awaitRemoteVideoPlaying("Grace");
            grace.awaitRemoteVideoPlaying("Ada");

            for (Tab tab : List.of(ada, grace)) {
                Map<?, ?> watched = watchedConnection(tab);
                Map<?, ?> configuration = (Map<?, ?>) watched.get("configuration");
                assertThat(configuration.get("iceTransportPolicy")).isEqualTo("relay");
                Map<?, ?> server = (Map<?, ?>) ((List<?>) configuration.get("iceServers")).getFirst();
                assertThat(server.get("urls")).asString().contains(turn.url());
                String username = (String) server.get("username");
                long expiry = Long.parseLong(username.substring(0, username.indexOf(':')));
                long now = System.currentTimeMillis() / 1000;
                assertThat(expiry).as("the credential's expiry").isBetween(now + 9 * 60, now + 10 * 60 + 5);
                assertThat((String) server.get("credential")).isNotBlank().doesNotContain(TURN_SECRET);
                // relayed candidates only: no host (local address) and no srflx (public address)
                assertThat(strings(watched.get("candidateTypes"))).isNotEmpty().containsOnly("relay");
                assertThat(selectedLocalCandidateType(tab)).isEqualTo("relay");
                assertThat(turn.log())
                        .as("coturn's log")
                        .contains("user <" + username + ">: incoming packet ALLOCATE processed, success");
            }
            assertThat(app.output()).doesNotContain(TURN_SECRET);
        }
    }

    @Test
    void relay_admitsTheDerivedCredential_andRefusesAnAlteredOne_andOnlyThePolicyKeepsHostCandidatesOut() {
        try (LocalCall call = new LocalCall(chromium.browser(), app.url("/"))) {
            Tab ada = call.open("/room/credential-check", WATCH_PEER_CONNECTIONS);
            Tab grace = call.open("/room/credential-check", WATCH_PEER_CONNECTIONS);
            ada.join("Ada", "credential-check-key");
            grace.join("Grace", "credential-check-key");
            Map<?, ?> server = (Map<?, ?>)
                    ((List<?>) ((Map<?, ?>) watchedConnection(ada).get("configuration")).get("iceServers")).getFirst();

            String credential = (String) server.get("credential");
            String altered = (credential.charAt(0) == 'A' ? "B" : "A") + credential.substring(1);
            assertThat(gatheredTypes(ada, server, credential, "relay"))
                    .as("with the derived credential")
                    .containsOnly("relay");
            assertThat(gatheredTypes(ada, server, altered, "relay"))
                    .as("with an altered credential")
                    .isEmpty();
            // the control: without the relay policy, this browser does offer its own addresses
            assertThat(gatheredTypes(ada, server, credential, "all"))
                    .as("with the policy all")
                    .contains("host");
        }
    }

    private static Map<?, ?> watchedConnection(Tab tab) {
        tab.page().waitForFunction("() => window.watchedPeerConnections.length > 0");
        return (Map<?, ?>) tab.page().evaluate("""
                () => {
                  const { configuration, candidateTypes } = window.watchedPeerConnections[0];
                  return { configuration: JSON.parse(JSON.stringify(configuration)), candidateTypes: [...candidateTypes] };
                }""");
    }

    /** The candidate type of this end of the pair the first peer connection carries its media on. */
    private static String selectedLocalCandidateType(Tab tab) {
        return (String) tab.page().evaluate("""
                async () => {
                  const stats = [...(await window.watchedPeerConnections[0].connection.getStats()).values()];
                  const transport = stats.find((s) => s.type === 'transport' && s.selectedCandidatePairId);
                  const pair = stats.find((s) => s.id === transport?.selectedCandidatePairId);
                  return stats.find((s) => s.id === pair?.localCandidateId)?.candidateType ?? null;
                }""");
    }

    /** The candidate types a peer connection of the page's own gathers with this TURN credential and policy. */
    private static List<String> gatheredTypes(Tab tab, Map<?, ?> server, String credential, String policy) {
        return strings(tab.page()
                .evaluate(
                        """
                async ({ urls, username, credential, policy }) => {
                  const connection = new RTCPeerConnection({
                    iceServers: [{ urls, username, credential }], iceTransportPolicy: policy });
                  const types = [];
                  connection.addEventListener('icecandidate', (event) => {
                    const type = event.candidate?.candidate.match(/ typ (\\w+)/)?.[1];
                    if (type) types.push(type);
                  });
                  connection.createDataChannel('probe');
                  const complete = new Promise((resolve) => connection.addEventListener('icegatheringstatechange',
                    () => connection.iceGatheringState === 'complete' && resolve()));
                  await connection.setLocalDescription(await connection.createOffer());
                  await complete;
                  connection.close();
                  return types;
                }""",
                        Map.of(
                                "urls",
                                server.get("urls"),
                                "username",
                                server.get("username"),
                                "credential",
                                credential,
                                "policy",
                                policy)));
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }
}
