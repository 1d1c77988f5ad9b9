package dev.e2eecall.it;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.DistributedObject;
import com.hazelcast.core.DistributedObjectEvent;
import com.hazelcast.core.DistributedObjectListener;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.topic.ITopic;
import dev.e2eecall.ClusterMembers;
import dev.e2eecall.KeyForms;
import dev.e2eecall.cluster.ClusterSeal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A data member in the test's JVM that joins a cluster of packaged apps without their secret and
 * keeps everything they put in maps (keys and values) and publish on topics, as the objects' own
 * text or bytes, to be searched for what it must not learn.
 */
final class ClusterWatch implements AutoCloseable {

    private final HazelcastInstance member;
    private final List<byte[]> seen = new CopyOnWriteArrayList<>();

    private ClusterWatch(HazelcastInstance member) {
        this.member = member;
        member.addDistributedObjectListener(new DistributedObjectListener() {
            @Override
            public void distributedObjectCreated(DistributedObjectEvent event) {
                // not from the listener's thread: adding a listener waits for the cluster
                Thread.ofVirtual().start(() -> watch(event.getDistributedObject()));
            }

            @Override
            public void distributedObjectDestroyed(DistributedObjectEvent event) {
                // what it held was seen when it was put
            }
        });
        member.getDistributedObjects().forEach(this::watch);
    }

    /**
     * Joins the cluster the app instance belongs to as an outsider would who listened on the network:
     * with the cluster's full name (its tag travels in clear in every join request), without the seal.
     */
    static ClusterWatch join(PackagedApp instance) {
        List<String> members =
                Arrays.asList(instance.environment("CLUSTER_MEMBERS").split(","));
        String tag = ClusterSeal.of(instance.environment("CLUSTER_SECRET")).clusterNameTag();
        return new ClusterWatch(ClusterMembers.outsider(instance.environment("CLUSTER_NAME") + "-" + tag, members));
    }

    HazelcastInstance member() {
        return member;
    }

    /** Everything seen so far, one entry per key, value or message. */
    List<byte[]> seen() {
        return List.copyOf(seen);
    }

    /** Where the secret appears in what was seen, in any of its forms; empty when nowhere. */
    List<String> formsOf(String secret) {
        KeyForms forms = KeyForms.of(secret);
        List<String> found = new ArrayList<>();
        seen.forEach(content -> found.addAll(forms.foundIn(content)));
        return found;
    }

    private void watch(DistributedObject object) {
        if (object instanceof IMap<?, ?> map) {
            map.addEntryListener(new Entries(), true);
        } else if (object instanceof ITopic<?> topic) {
            topic.addMessageListener(message -> record(message.getMessageObject()));
        }
    }

    /**
     * Publishes {@code count} messages that are nobody's (zeros, not kept by this watch) to each app
     * instance's signalling topic, as a flood from someone on the port would.
     */
    void burst(int count) throws Exception {
        // in batches, faster than a listener reads: the ring is overwritten under it
        byte[] junk = new byte[600];
        for (Member instance : member.getCluster().getMembers()) {
            if (!instance.localMember()) {
                ITopic<byte[]> topic = member.getReliableTopic("local-signals-" + instance.getUuid());
                List<byte[]> batch = Collections.nCopies(1_000, junk);
                for (int i = 0; i < count / batch.size(); i++) {
                    topic.publishAll(batch);
                }
            }
        }
    }

    private void record(Object value) {
        byte[] bytes = value instanceof byte[] raw
                ? raw.clone()
                : String.valueOf(value).getBytes(StandardCharsets.UTF_8);
        if (!isJunk(bytes)) {
            seen.add(bytes);
        }
    }

    private static boolean isJunk(byte[] bytes) {
        for (byte each : bytes) {
            if (each != 0) {
                return false;
            }
        }
        return bytes.length > 0;
    }

    private final class Entries implements EntryAddedListener<Object, Object>, EntryUpdatedListener<Object, Object> {

        @Override
        public void entryAdded(EntryEvent<Object, Object> event) {
            record(event.getKey());
            record(event.getValue());
        }

        @Override
        public void entryUpdated(EntryEvent<Object, Object> event) {
            entryAdded(event);
        }
    }

    @Override
    public void close() {
        member.shutdown();
    }
}
