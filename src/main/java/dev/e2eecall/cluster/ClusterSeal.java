package dev.e2eecall.cluster;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The keys derived from {@code CLUSTER_SECRET}, one {@link Sealer} per use (a map or a topic). Each
 * use has its own sealing key and its own naming key, so that a value or a name taken from one use
 * means nothing in another. Values that fail to open are counted here, across every use.
 */
public final class ClusterSeal {

    /** The shortest secret accepted: 32 characters of a random password are far beyond guessing. */
    public static final int MIN_SECRET_CHARS = 32;

    private static final byte[] SALT = "e2ee-video-call cluster seal v1".getBytes(StandardCharsets.UTF_8);

    private final byte[] pseudorandomKey;
    private final AtomicLong dropped = new AtomicLong();

    private ClusterSeal(byte[] pseudorandomKey) {
        this.pseudorandomKey = pseudorandomKey;
    }

    public static ClusterSeal of(String secret) {
        if (secret.length() < MIN_SECRET_CHARS) {
            throw new IllegalArgumentException("CLUSTER_SECRET must be at least " + MIN_SECRET_CHARS + " characters");
        }
        return new ClusterSeal(Hkdf.extract(SALT, secret.getBytes(StandardCharsets.UTF_8)));
    }

    /** The sealer of one map or topic, named by {@code use}. */
    public Sealer forUse(String use) {
        return new Sealer(use, derive("seal " + use), derive("name " + use), dropped);
    }

    /**
     * A tag of the secret to add to the cluster's name, so that a member without the secret is
     * refused at the join. It travels in clear in the join request: it keeps out the careless, not
     * someone who listens on the network; the seal does that.
     */
    public String clusterNameTag() {
        return HexFormat.of().formatHex(derive("cluster name"), 0, 8);
    }

    /** How many values from the cluster failed to open, in every use, since start-up. */
    public long dropped() {
        return dropped.get();
    }

    private byte[] derive(String label) {
        return Hkdf.expand(pseudorandomKey, label.getBytes(StandardCharsets.UTF_8), 32);
    }

    @Override
    public String toString() {
        return "ClusterSeal[***]";
    }
}
