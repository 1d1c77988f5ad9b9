package dev.e2eecall.join.limits;

import com.hazelcast.map.IMap;
import dev.e2eecall.cluster.Sealer;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Join limits kept in a Hazelcast map by compare-and-set: the key is an HMAC of what is limited (a
 * session cookie, an address) and the value Bucket4j's state, sealed. No class travels to the
 * cluster, so no member needs Bucket4j's serializers, and nothing in the map names anyone.
 */
final class ClusterBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

    private final IMap<String, Object> map;
    private final Sealer sealer;

    ClusterBuckets(IMap<String, Object> map, Sealer sealer, ClientSideConfig config) {
        super(config);
        this.map = map;
        this.sealer = sealer;
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String limited) {
        String key = sealer.name(limited);
        return new CompareAndSwapOperation() {
            /** What the map held when read, sealed: the expected value of the swap. */
            private @Nullable Object read;

            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                read = sealer.read(map, key);
                // a value that does not open counts as no bucket; the swap replaces it
                return read == null ? Optional.empty() : sealer.open(key, read);
            }

            @Override
            public boolean compareAndSwap(
                    byte[] originalData, byte[] newData, RemoteBucketState newState, Optional<Long> timeoutNanos) {
                byte[] sealed = sealer.seal(key, newData);
                @Nullable Object expected = read;
                return expected == null ? map.putIfAbsent(key, sealed) == null : map.replace(key, expected, sealed);
            }
        };
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("join limits are taken synchronously");
    }

    @Override
    public void removeProxy(String limited) {
        map.remove(sealer.name(limited));
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String limited) {
        removeProxy(limited);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }
}
