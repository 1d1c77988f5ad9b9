package dev.e2eecall.local;

import static dev.e2eecall.local.ClusterLocalRoomsTest.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.DistributedObject;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.ringbuffer.Ringbuffer;
import dev.e2eecall.ClusterMembers;
import dev.e2eecall.KeyForms;
import dev.e2eecall.local.LocalRooms.Admitted;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Someone who reaches the member port and gets into the cluster, but has no {@code CLUSTER_SECRET}:
 * a data member that holds partitions, reads every map and ring, and writes what it likes. It learns
 * nothing about the call, and what it writes reaches no page.
 */
class ClusterOutsiderTest {

    private static final Duration DELIVERY = Duration.ofSeconds(20);
    private static final JsonNodeFactory json = JsonNodeFactory.instance;

    private record Page(String id, List<ObjectNode> inbox) implements Consumer<ObjectNode> {
        Page(String name) {
            this(ClusterLocalRoomsTest.id(name), new CopyOnWriteArrayList<>());
        }

        @Override
        public void accept(ObjectNode message) {
            inbox.add(message);
        }
    }

    @Test
    void outsiderReadingEveryMapAndRing_findsNoRoomNameAddressOrDescription() {
        try (ClusterMembers pair = ClusterMembers.start(2);
                ClusterLocalRooms first = new ClusterLocalRooms(pair.member(0), pair.seal(), 10, 3);
                ClusterLocalRooms second = new ClusterLocalRooms(pair.member(1), pair.seal(), 10, 3)) {
            HazelcastInstance outsider = pair.outsider();
            Page ada = new Page("ada-read");
            Page grace = new Page("grace-read");
            first.enter("secret-room-name", ada.id(), "Ada Lovelace-Ω", "192.0.2.71", "SaltOfTheCall0123456789", ada);
            second.enter(
                    "secret-room-name", grace.id(), "Grace Hopper-李", "198.51.100.72", "SaltOfGrace0123456789a", grace);
            first.send(
                    "secret-room-name",
                    grace.id(),
                    json.objectNode()
                            .put("type", "offer")
                            .put("from", ada.id())
                            .put("sdp", "v=0 o=- a=candidate:1 1 udp 2113937151 203.0.113.9 54400 typ host"));
            await().atMost(DELIVERY)
                    .until(() -> grace.inbox().stream()
                            .anyMatch(m -> m.path("type").asString().equals("offer")));

            List<byte[]> held = everythingHeld(outsider);

            assertThat(held).as("what the outsider holds").isNotEmpty();
            for (String secret : List.of(
                    "secret-room-name",
                    "Ada Lovelace-Ω",
                    "Grace Hopper-李",
                    "192.0.2.71",
                    "198.51.100.72",
                    "SaltOfTheCall0123456789",
                    "203.0.113.9",
                    // the offer's start: long enough that its base64 fragments do not turn up in sealed bytes by chance
                    "v=0 o=- a=candidate",
                    ada.id(),
                    grace.id())) {
                assertThat(formsFound(held, secret))
                        .as("forms of %s in what the outsider holds", secret)
                        .isEmpty();
            }
            outsider.shutdown();
        }
    }

    @Test
    void ghostsRefusalsSaltsAndForeignClassesFromAnOutsider_reachNoPage_andTheRoomWorksOn() {
        try (ClusterMembers pair = ClusterMembers.start(2);
                ClusterLocalRooms first = new ClusterLocalRooms(pair.member(0), pair.seal(), 10, 3);
                ClusterLocalRooms second = new ClusterLocalRooms(pair.member(1), pair.seal(), 10, 3)) {
            HazelcastInstance outsider = pair.outsider();
            Page ada = new Page("ada-inject");
            first.enter("target", ada.id(), "Ada", "10.9.0.1", "SaltOfAda0123456789abc", ada);
            IMap<Object, Object> rooms = outsider.getMap(ClusterLocalRooms.ROOMS);
            String roomKey =
                    rooms.keySet().stream().map(String.class::cast).findFirst().orElseThrow();
            String otherInstance =
                    pair.member(1).getCluster().getLocalMember().getUuid().toString();
            String adasInstance =
                    pair.member(0).getCluster().getLocalMember().getUuid().toString();

            // a ghost in plain JSON, under the room's own name and beside it; a refusal and a HashMap to Ada's instance
            rooms.put("target", "{\"occupants\":[{\"id\":\"" + id("mallory") + "\",\"name\":\"Mallory (host)\"}]}");
            rooms.put("not-a-room", new HashMap<>(Map.of("name", "Mallory")));
            var adasTopic = outsider.getReliableTopic(ClusterPost.TOPIC_PREFIX + adasInstance);
            adasTopic.publish("{\"to\":\"" + ada.id() + "\",\"message\":{\"type\":\"refused\",\"reason\":\"GONE\"}}");
            adasTopic.publish(new HashMap<>(Map.of("to", ada.id())));
            adasTopic.publish(new byte[] {1, 2, 3});
            // a sealed value moved from the room's key to another key opens to nothing
            rooms.put("moved", rooms.get(roomKey));

            assertThat(first.occupancy()).containsOnlyKeys("target").containsEntry("target", 1);
            assertThat(second.hasRoomFor("target", "10.9.0.2")).isTrue();

            // Grace enters across instances: she sees Ada, not Mallory, and Ada's salt
            Page grace = new Page("grace-inject");
            Admitted admitted =
                    (Admitted) second.enter("target", grace.id(), "Grace", "10.9.0.2", "SaltOfGrace0123456789a", grace);
            assertThat(admitted.others()).extracting(Occupant::name).containsExactly("Ada");
            assertThat(admitted.salt()).isEqualTo("SaltOfAda0123456789abc");

            // the listener survived all of it: a real message still arrives, and the only news is Grace's
            second.send(
                    "target",
                    ada.id(),
                    json.objectNode()
                            .put("type", "answer")
                            .put("from", grace.id())
                            .put("sdp", "v=0"));
            await().atMost(DELIVERY)
                    .until(() -> ada.inbox().stream()
                            .anyMatch(m -> m.path("type").asString().equals("answer")));
            assertThat(ada.inbox()).extracting(m -> m.path("type").asString()).containsExactly("peer-joined", "answer");
            assertThat(ada.inbox().getFirst().path("peer").path("name").asString())
                    .isEqualTo("Grace");
            assertThat(pair.seal().dropped()).as("values that did not open").isPositive();

            // an overwritten room is an empty room to the next entrant (the call is disturbed: availability),
            // and the outsider's "salt" is never handed out
            rooms.put(roomKey, "{\"salt\":\"PinnedByMallory0123456\"}");
            Page alan = new Page("alan-inject");
            Admitted third =
                    (Admitted) first.enter("target", alan.id(), "Alan", "10.9.0.3", "SaltOfAlan01234567890a", alan);
            assertThat(third.salt()).isEqualTo("SaltOfAlan01234567890a");
            assertThat(third.others()).isEmpty();
            outsider.shutdown();
        }
    }

    @Test
    void burstOfTwentyThousandMessages_thenAMessageAcrossInstancesStillArrives() throws Exception {
        try (ClusterMembers pair = ClusterMembers.start(2);
                ClusterLocalRooms first = new ClusterLocalRooms(pair.member(0), pair.seal(), 10, 3);
                ClusterLocalRooms second = new ClusterLocalRooms(pair.member(1), pair.seal(), 10, 3)) {
            HazelcastInstance outsider = pair.outsider();
            Page ada = new Page("ada-burst");
            Page grace = new Page("grace-burst");
            first.enter("burst", ada.id(), "Ada", "10.8.0.1", "SaltOfAda0123456789abc", ada);
            second.enter("burst", grace.id(), "Grace", "10.8.0.2", "SaltOfGrace0123456789a", grace);
            var gracesTopic = outsider.<byte[]>getReliableTopic(ClusterPost.TOPIC_PREFIX
                    + pair.member(1).getCluster().getLocalMember().getUuid());

            long started = System.nanoTime();
            // in batches of 1,000, faster than a listener reads: the ring of 1,000 is overwritten under it
            List<byte[]> batch = Collections.nCopies(1_000, new byte[600]);
            for (int i = 0; i < 20; i++) {
                gracesTopic.publishAll(batch);
            }
            System.out.printf(
                    "20,000 messages published to one instance's topic in %d ms%n",
                    Duration.ofNanos(System.nanoTime() - started).toMillis());

            long sent = System.nanoTime();
            first.send(
                    "burst",
                    grace.id(),
                    json.objectNode().put("type", "offer").put("from", ada.id()).put("sdp", "v=0"));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> grace.inbox().stream()
                            .anyMatch(m -> m.path("type").asString().equals("offer")));
            System.out.printf(
                    "a message across instances arrived %d ms after the burst%n",
                    Duration.ofNanos(System.nanoTime() - sent).toMillis());
            outsider.shutdown();
        }
    }

    /** Every key and value of every map, and every item of every ring, as the outsider reads them raw. */
    private static List<byte[]> everythingHeld(HazelcastInstance outsider) {
        List<byte[]> held = new ArrayList<>();
        for (DistributedObject object : outsider.getDistributedObjects()) {
            if (object instanceof IMap<?, ?> map) {
                map.forEach((key, value) -> {
                    held.add(bytes(key));
                    held.add(bytes(value));
                });
            }
        }
        for (HazelcastInstance member : List.of(outsider)) {
            for (DistributedObject object : member.getDistributedObjects()) {
                String name = object.getName();
                if (object.getServiceName().contains("topic") || name.startsWith(ClusterPost.TOPIC_PREFIX)) {
                    Ringbuffer<Object> ring = member.getRingbuffer("_hz_rb_" + name);
                    for (long sequence = ring.headSequence(); sequence <= ring.tailSequence(); sequence++) {
                        try {
                            held.add(bytes(ring.readOne(sequence)));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
            }
        }
        return held;
    }

    private static byte[] bytes(Object value) {
        return value instanceof byte[] raw ? raw : String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    }

    /** The forms of {@code secret} ({@link KeyForms}: UTF-8, UTF-16, base64, hex, ...) found in what is held. */
    private static List<String> formsFound(List<byte[]> held, String secret) {
        KeyForms forms = KeyForms.of(secret);
        return held.stream()
                .flatMap(content -> forms.foundIn(content).stream())
                .distinct()
                .toList();
    }
}
