package dev.e2eecall.cluster;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869): one secret, many independent keys, one per label. Written out
 * here because the JDK before 25 has no HKDF and the app runs on 21.
 */
final class Hkdf {

    private static final String HMAC = "HmacSHA256";
    private static final int HASH_LENGTH = 32;

    private Hkdf() {}

    /** The pseudorandom key from input keying material; an empty salt stands for 32 zero bytes. */
    static byte[] extract(byte[] salt, byte[] inputKeyingMaterial) {
        return hmac(salt.length == 0 ? new byte[HASH_LENGTH] : salt, inputKeyingMaterial);
    }

    /** {@code length} bytes of output keying material for {@code info}, at most 255 hashes long. */
    static byte[] expand(byte[] pseudorandomKey, byte[] info, int length) {
        if (length < 1 || length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF output length must be 1 to " + 255 * HASH_LENGTH);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream(length);
        byte[] previous = new byte[0];
        for (int counter = 1; output.size() < length; counter++) {
            byte[] input = new byte[previous.length + info.length + 1];
            System.arraycopy(previous, 0, input, 0, previous.length);
            System.arraycopy(info, 0, input, previous.length, info.length);
            input[input.length - 1] = (byte) counter;
            previous = hmac(pseudorandomKey, input);
            output.write(previous, 0, Math.min(previous.length, length - output.size()));
        }
        return output.toByteArray();
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
