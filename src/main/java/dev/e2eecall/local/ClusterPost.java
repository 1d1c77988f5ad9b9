package dev.e2eecall.local;

import com.hazelcast.config.Config;
import com.hazelcast.config.ReliableTopicConfig;
import com.hazelcast.config.RingbufferConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import com.hazelcast.topic.ReliableMessageListener;
import com.hazelcast.topic.TopicOverloadPolicy;
import dev.e2eecall.cluster.Sealer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a signalling message reaches a participant's page: straight to its inbox when the page runs on
 * this instance, or sealed over the reliable topic of the instance it runs on, where it is opened,
 * checked for freshness, rebuilt from what may travel, and only then handed to the page.
 */
final class ClusterPost implements AutoCloseable {

    static final String TOPIC_PREFIX = "local-signals-";
    static final int RING_CAPACITY = 1000;
    /** A relayed message older than this is a replay (the ring keeps messages a minute). */
    private static final Duration FRESH = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(ClusterPost.class);
    private static final JsonMapper json = JsonMapper.builder().build();

    private final HazelcastInstance cluster;
    private final Sealer signals;
    private final String instance;
    /** The pages on this instance, by participant id. */
    private final Map<String, Consumer<ObjectNode>> inboxes = new ConcurrentHashMap<>();

    private final AtomicLong refusedMessages = new AtomicLong();
    private volatile UUID topicListener;
    private volatile boolean closed;

    ClusterPost(HazelcastInstance cluster, Sealer signals, String instance) {
        this.cluster = cluster;
        this.signals = signals;
        this.instance = instance;
        this.topicListener = subscribe();
    }

    /** Topic settings: a bounded ring per instance that drops the oldest message rather than block a sender. */
    static void configure(Config config) {
        config.addReliableTopicConfig(
                new ReliableTopicConfig(TOPIC_PREFIX + "*").setTopicOverloadPolicy(TopicOverloadPolicy.DISCARD_OLDEST));
        config.addRingBufferConfig(new RingbufferConfig("_hz_rb_" + TOPIC_PREFIX + "*")
                .setCapacity(RING_CAPACITY)
                .setTimeToLiveSeconds(60));
    }

    void open(String participantId, Consumer<ObjectNode> inbox) {
        inboxes.put(participantId, inbox);
    }

    void close(String participantId) {
        inboxes.remove(participantId);
    }

    void deliver(Occupant to, ObjectNode message) {
        if (to.instance().equals(instance)) {
            deliverHere(to.id(), message);
        } else {
            ObjectNode envelope = json.createObjectNode().put("to", to.id()).put("sent", System.currentTimeMillis());
            envelope.set("message", message);
            topicOf(to.instance()).publish(signals.sealText(to.instance(), envelope.toString()));
        }
    }

    private void deliverHere(String to, ObjectNode message) {
        Consumer<ObjectNode> inbox = inboxes.get(to);
        if (inbox != null) {
            inbox.accept(message);
        }
    }

    /** A message from this instance's topic: opened, checked, rebuilt, and only then handed to a page. */
    private void receive(@Nullable Object payload) {
        Optional<String> opened = signals.openText(instance, payload);
        if (opened.isEmpty()) {
            return;
        }
        try {
            JsonNode envelope = json.readTree(opened.get());
            long age = System.currentTimeMillis() - envelope.path("sent").asLong(0);
            Optional<ObjectNode> message = CrossInstanceMessages.rebuild(envelope.path("message"));
            if (envelope.path("to").isString() && Math.abs(age) < FRESH.toMillis() && message.isPresent()) {
                deliverHere(envelope.path("to").asString(), message.get());
                return;
            }
        } catch (JacksonException e) {
            // falls through to the count below
        }
        long count = refusedMessages.incrementAndGet();
        if (Long.bitCount(count) == 1) {
            log.warn(
                    "Dropped a message from the cluster that may not travel between instances ({} since start-up)",
                    count);
        }
    }

    private ITopic<Object> topicOf(String instance) {
        return cluster.getReliableTopic(TOPIC_PREFIX + instance);
    }

    private UUID subscribe() {
        return topicOf(instance).addMessageListener(new Signals());
    }

    /**
     * This instance's listener: it skips what it missed rather than stop (a burst overwrites the ring
     * faster than it reads), survives anything it cannot read, and comes back if stopped anyway.
     */
    private final class Signals implements ReliableMessageListener<Object> {

        @Override
        public void onMessage(Message<Object> message) {
            receive(message.getMessageObject());
        }

        @Override
        public long retrieveInitialSequence() {
            // from the next message on: what was published before this instance listened is not for it
            return -1;
        }

        @Override
        public void storeSequence(long sequence) {
            // nothing to resume after a restart: a restarted instance has no pages
        }

        @Override
        public boolean isLossTolerant() {
            return true;
        }

        @Override
        public boolean isTerminal(Throwable failure) {
            // a message that cannot be read (a refused class, a wrong type) is one message, not the end
            log.debug(
                    "Skipped a message from the cluster that could not be read: {}",
                    failure.getClass().getName());
            return false;
        }

        @Override
        public void onCancel() {
            if (!closed && cluster.getLifecycleService().isRunning()) {
                log.warn("The cluster stopped this instance's signalling listener: listening again");
                topicListener = subscribe();
            }
        }
    }

    /** Stops listening; the member's own stop takes its listeners with it. */
    @Override
    public void close() {
        closed = true;
        if (cluster.getLifecycleService().isRunning()) {
            topicOf(instance).removeMessageListener(topicListener);
        }
    }
}
