package dev.e2eecall.join.limits;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.core.HazelcastInstance;
import dev.e2eecall.cluster.ClusterSeal;
import dev.e2eecall.join.JoinException;
import dev.e2eecall.join.Requester;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * How many joins one browser session and one network address may make per minute, so that one
 * script cannot spend the video account's sessions or fill the local rooms. A token bucket per
 * session and per address, refilled at each full minute; kept in this instance's memory, or in the
 * cluster so that the limits hold across instances. Buckets that are full again are forgotten.
 */
public final class JoinRateLimit {

    static final String CLUSTER_MAP = "join-limits";
    private static final Duration WINDOW = Duration.ofMinutes(1);
    /** Buckets kept at most by one instance: more than the addresses that can join in a minute. */
    private static final long MAX_BUCKETS = 100_000;

    private final ProxyManager<String> buckets;
    private final int perSession;
    private final int perAddress;
    private final Clock clock;

    private JoinRateLimit(ProxyManager<String> buckets, int perSession, int perAddress, Clock clock) {
        this.buckets = buckets;
        this.perSession = perSession;
        this.perAddress = perAddress;
        this.clock = clock;
    }

    /** Limits kept in this instance's memory. */
    public static JoinRateLimit inProcess(int perSession, int perAddress, Clock clock) {
        ProxyManager<String> buckets = Bucket4jCaffeine.<String>builderFor(
                        Caffeine.newBuilder().maximumSize(MAX_BUCKETS))
                .expirationAfterWrite(forgetWhenFull())
                .clientClock(timeMeter(clock))
                .build();
        return new JoinRateLimit(buckets, perSession, perAddress, clock);
    }

    /**
     * What a cluster member needs configured for {@link #cluster}: buckets forgotten once unused for
     * longer than a window (they are full again by then), and a bound on how many each member holds.
     */
    public static void configureCluster(Config config) {
        config.addMapConfig(new MapConfig(CLUSTER_MAP)
                .setTimeToLiveSeconds(Math.toIntExact(WINDOW.multipliedBy(2).toSeconds()))
                .setEvictionConfig(new EvictionConfig()
                        .setEvictionPolicy(EvictionPolicy.LRU)
                        .setMaxSizePolicy(MaxSizePolicy.PER_NODE)
                        .setSize(Math.toIntExact(MAX_BUCKETS))));
    }

    /** Limits shared by every instance of the cluster, in a Hazelcast map, keyed by HMACs, sealed. */
    public static JoinRateLimit cluster(
            HazelcastInstance cluster, ClusterSeal seal, int perSession, int perAddress, Clock clock) {
        ProxyManager<String> buckets = new ClusterBuckets(
                cluster.getMap(CLUSTER_MAP),
                seal.forUse(CLUSTER_MAP),
                ClientSideConfig.getDefault().withClientClock(timeMeter(clock)));
        return new JoinRateLimit(buckets, perSession, perAddress, clock);
    }

    /**
     * Counts one join, or refuses it with a message for the user when a limit is reached. A
     * requester without a session (a client of the JSON API) is counted by its address only.
     */
    public void acquire(Requester requester) {
        String session = requester.session();
        BucketProxy sessionBucket = session == null ? null : bucket("session:" + session, perSession);
        if (sessionBucket != null) {
            ConsumptionProbe probe = sessionBucket.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                throw tooMany(probe);
            }
        }
        ConsumptionProbe address =
                bucket("address:" + requester.address(), perAddress).tryConsumeAndReturnRemaining(1);
        if (!address.isConsumed()) {
            if (sessionBucket != null) {
                // the join did not happen: it does not count against the session
                sessionBucket.addTokens(1);
            }
            throw tooMany(address);
        }
    }

    private BucketProxy bucket(String key, int joinsPerMinute) {
        Supplier<BucketConfiguration> configuration = () -> BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(joinsPerMinute)
                        // the counts start again at every full minute
                        .refillIntervallyAligned(joinsPerMinute, WINDOW, nextFullMinute())
                        .build())
                .build();
        return buckets.getProxy(key, configuration);
    }

    private Instant nextFullMinute() {
        return clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(WINDOW);
    }

    private static JoinException tooMany(ConsumptionProbe probe) {
        Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
        return new JoinException(
                JoinException.Reason.TOO_MANY_JOINS,
                "Too many attempts to join in a short time. Please wait a minute and try again.",
                wait,
                null);
    }

    private static ExpirationAfterWriteStrategy forgetWhenFull() {
        return ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(5));
    }

    private static TimeMeter timeMeter(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
