package dev.e2eecall.cluster;

import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals the values of one map or topic with AES-256-GCM (a random 12-byte nonce each), and turns
 * names into HMAC-SHA256 keys. The additional data is the use and the entry's key, so a sealed
 * value opens only where it was put: moved to another key, map or topic, it is dropped.
 */
public final class Sealer {

    private static final Logger log = LoggerFactory.getLogger(Sealer.class);
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom random = new SecureRandom();

    private final String use;
    private final SecretKeySpec sealKey;
    private final byte[] nameKey;
    private final AtomicLong dropped;

    Sealer(String use, byte[] sealKey, byte[] nameKey, AtomicLong dropped) {
        this.use = use;
        this.sealKey = new SecretKeySpec(sealKey, "AES");
        this.nameKey = nameKey;
        this.dropped = dropped;
    }

    /** The cluster's key for a name (a room, a session, an address): an HMAC, never the name itself. */
    public String name(String plain) {
        return HexFormat.of().formatHex(Hkdf.hmac(nameKey, plain.getBytes(StandardCharsets.UTF_8)));
    }

    /** The value sealed for the entry {@code key} of this use. */
    public byte[] seal(String key, byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, key);
            ByteBuffer sealed = ByteBuffer.allocate(1 + NONCE_BYTES + cipher.getOutputSize(plain.length));
            sealed.put(VERSION).put(nonce);
            cipher.doFinal(ByteBuffer.wrap(plain), sealed);
            return sealed.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    public byte[] sealText(String key, String plain) {
        return seal(key, plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The value put under {@code key}, or empty when it was not sealed there with this secret (or
     * is not a sealed value at all): counted and logged, never its bytes.
     */
    public Optional<byte[]> open(String key, @Nullable Object stored) {
        if (!(stored instanceof byte[] sealed)
                || sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8
                || sealed[0] != VERSION) {
            return dropped("not a sealed value");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES), key);
            return Optional.of(cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES));
        } catch (AEADBadTagException e) {
            return dropped("sealed with another secret, or for another place, or changed");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /**
     * What the map holds under {@code key}, read with care: a value of a class that may not be
     * read (see {@link JavaSerialization}) is counted, removed, and read as nothing.
     */
    public @Nullable Object read(IMap<String, ?> map, String key) {
        try {
            return map.get(key);
        } catch (HazelcastSerializationException | SecurityException refused) {
            dropped("a value of a class that may not be read");
            map.delete(key);
            return null;
        }
    }

    public Optional<String> openText(String key, @Nullable Object stored) {
        return open(key, stored).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    private Cipher cipher(int mode, byte[] nonce, String key) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, sealKey, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((use + '\0' + key).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private Optional<byte[]> dropped(String why) {
        long count = dropped.incrementAndGet();
        // a flood must not flood the log: the first, then at each power of two
        if (Long.bitCount(count) == 1) {
            log.warn("Dropped a value from the cluster in {}: {} ({} dropped since start-up)", use, why, count);
        } else {
            log.debug("Dropped a value from the cluster in {}: {}", use, why);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "Sealer[" + use + "]";
    }
}
