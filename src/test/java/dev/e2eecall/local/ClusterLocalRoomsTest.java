package dev.e2eecall.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.e2eecall.ClusterMembers;
import dev.e2eecall.local.LocalRooms.Admitted;
import dev.e2eecall.local.LocalRooms.Refused;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Local rooms shared by two instances: one room is one call, whichever instance a page runs on. */
class ClusterLocalRoomsTest {

    private static final Duration DELIVERY = Duration.ofSeconds(20);
    private static ClusterMembers cluster;
    private static ClusterLocalRooms first;
    private static ClusterLocalRooms second;

    /** A page's inbox on one instance. */
    private record Page(String id, List<ObjectNode> inbox) implements Consumer<ObjectNode> {
        Page(String name) {
            this(ClusterLocalRoomsTest.id(name), new CopyOnWriteArrayList<>());
        }

        @Override
        public void accept(ObjectNode message) {
            inbox.add(message);
        }

        boolean received(String type, String peerOrFrom) {
            return inbox.stream()
                    .anyMatch(message -> message.path("type").asString().equals(type)
                            && (message.path("peer").path("id").asString().equals(peerOrFrom)
                                    || message.path("from").asString().equals(peerOrFrom)));
        }
    }

    /** A participant id as the app draws them (24 hex digits), made from a readable name. */
    static String id(String name) {
        return HexFormat.of().formatHex(Arrays.copyOf(name.getBytes(StandardCharsets.UTF_8), 12));
    }

    @BeforeAll
    static void startCluster() {
        cluster = ClusterMembers.start(2);
        first = new ClusterLocalRooms(cluster.member(0), cluster.seal(), 3, 3);
        second = new ClusterLocalRooms(cluster.member(1), cluster.seal(), 3, 3);
    }

    @AfterAll
    static void stopCluster() {
        first.close();
        second.close();
        cluster.close();
    }

    @Test
    void fourPeopleOnTwoInstances_shareOneRoomAndItsSalt_andTheFifthIsRefusedOnEither() {
        Page ada = new Page("ada");
        Page grace = new Page("grace");
        assertThat(first.enter("full", ada.id(), "Ada", "10.0.0.1", "salt of Ada", ada))
                .isInstanceOf(Admitted.class);
        assertThat(second.enter("full", grace.id(), "Grace", "10.0.0.2", "salt of Grace", grace))
                .isInstanceOf(Admitted.class);
        first.enter("full", id("alan"), "Alan", "10.0.0.3", "salt of Alan", new Page("alan"));
        Admitted fourth =
                (Admitted) second.enter("full", id("joan"), "Joan", "10.0.0.4", "salt of Joan", new Page("joan"));

        assertThat(fourth.others()).extracting(Occupant::name).containsExactly("Ada", "Grace", "Alan");
        // the call's salt is the first entrant's, whichever instance the others came through
        assertThat(fourth.salt()).isEqualTo("salt of Ada");
        assertThat(first.enter("full", id("fifth"), "Fifth", "10.0.0.5", "salt of Fifth", new Page("fifth")))
                .isInstanceOfSatisfying(
                        Refused.class, refused -> assertThat(refused.reason()).isEqualTo("ROOM_FULL"));
        assertThat(second.hasRoomFor("full", "10.0.0.6")).isFalse();
        assertThat(first.occupancy()).containsEntry("full", 4);
        // the instances tell their own pages about newcomers on the other instance
        await().atMost(DELIVERY)
                .until(() -> ada.received("peer-joined", id("joan")) && grace.received("peer-joined", id("joan")));
    }

    @Test
    void message_reachesAPageOnTheOtherInstance() {
        Page ada = new Page("ada-relay");
        Page grace = new Page("grace-relay");
        first.enter("relay", ada.id(), "Ada", "10.0.1.1", "salt of Ada", ada);
        second.enter("relay", grace.id(), "Grace", "10.0.1.2", "salt of Grace", grace);
        ObjectNode offer = JsonNodeFactory.instance
                .objectNode()
                .put("type", "offer")
                .put("from", ada.id())
                .put("sdp", "v=0");

        assertThat(first.send("relay", grace.id(), offer)).isTrue();
        assertThat(first.send("relay", id("nobody"), offer)).isFalse();
        assertThat(first.send("elsewhere", grace.id(), offer)).isFalse();

        await().atMost(DELIVERY).until(() -> grace.received("offer", ada.id()));
        assertThat(grace.inbox.getLast().path("sdp").asString()).isEqualTo("v=0");
    }

    @Test
    void capOnRooms_holdsForTheClusterAsAWhole() {
        try (ClusterMembers pair = ClusterMembers.start(2);
                ClusterLocalRooms a = new ClusterLocalRooms(pair.member(0), pair.seal(), 2, 3);
                ClusterLocalRooms b = new ClusterLocalRooms(pair.member(1), pair.seal(), 2, 3)) {
            a.enter("one", id("p1"), "One", "10.0.2.1", "salt of One", new Page("p1"));
            b.enter("two", id("p2"), "Two", "10.0.2.2", "salt of Two", new Page("p2"));

            assertThat(a.enter("three", id("p3"), "Three", "10.0.2.3", "salt of Three", new Page("p3")))
                    .isInstanceOfSatisfying(
                            Refused.class,
                            refused -> assertThat(refused.reason()).isEqualTo("ROOMS_FULL"));
            assertThat(b.hasRoomFor("three", "10.0.2.3")).isFalse();
            assertThat(b.enter("one", id("p4"), "Four", "10.0.2.4", "salt of Four", new Page("p4")))
                    .isInstanceOf(Admitted.class);
        }
    }

    @Test
    void instanceLost_itsParticipantsLeave_andTheOthersAreTold() {
        try (ClusterMembers pair = ClusterMembers.start(2);
                ClusterLocalRooms survivor = new ClusterLocalRooms(pair.member(0), pair.seal(), 3, 3)) {
            ClusterLocalRooms doomed = new ClusterLocalRooms(pair.member(1), pair.seal(), 3, 3);
            Page ada = new Page("ada-lost");
            survivor.enter("lost", ada.id(), "Ada", "10.0.3.1", "salt of Ada", ada);
            doomed.enter("lost", id("grace-lost"), "Grace", "10.0.3.2", "salt of Grace", new Page("grace-lost"));
            doomed.enter("lost", id("alan-lost"), "Alan", "10.0.3.3", "salt of Alan", new Page("alan-lost"));
            await().atMost(DELIVERY).until(() -> ada.received("peer-joined", id("alan-lost")));

            long killed = System.nanoTime();
            pair.kill(1);

            await().atMost(DELIVERY)
                    .until(() ->
                            ada.received("peer-left", id("grace-lost")) && ada.received("peer-left", id("alan-lost")));
            System.out.printf(
                    "member loss seen and its participants gone after %d ms%n",
                    Duration.ofNanos(System.nanoTime() - killed).toMillis());
            assertThat(survivor.occupancy()).containsEntry("lost", 1);
        }
    }

    @Test
    void whatTheClusterHolds_isSealed_underTheHmacOfTheRoomsName() {
        Page ada = new Page("ada-held");
        first.enter("held", ada.id(), "Ada", "10.0.4.1", "salt of Ada", ada);

        var map = cluster.member(1).<String, byte[]>getMap(ClusterLocalRooms.ROOMS);
        SealedRooms sealed = new SealedRooms(cluster.seal().forUse(ClusterLocalRooms.ROOMS));
        String key = sealed.key("held");
        byte[] stored = map.get(key);

        assertThat(map.keySet()).allMatch(each -> each.matches("[0-9a-f]{64}")).doesNotContain("held");
        String asText = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(asText).doesNotContain("Ada", "10.0.4.1", "held", "salt of Ada", ada.id());
        RoomState state = sealed.open(key, stored).orElseThrow().state();
        assertThat(state.occupants())
                .containsExactly(new Occupant(
                        ada.id(),
                        "Ada",
                        "10.0.4.1",
                        cluster.member(0)
                                .getCluster()
                                .getLocalMember()
                                .getUuid()
                                .toString()));
        assertThat(state.salt()).isEqualTo("salt of Ada");
        // moved under another room's key, the same bytes open to nothing
        assertThat(sealed.open(sealed.key("elsewhere"), stored)).isEmpty();
    }
}
