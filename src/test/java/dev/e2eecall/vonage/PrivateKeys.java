package dev.e2eecall.vonage;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

/** Keys of the kinds people put in VONAGE_PRIVATE_KEY, made fresh for each test. */
public final class PrivateKeys {

    private PrivateKeys() {}

    public static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** A fresh RSA key as PKCS#8 PEM, as Vonage's private.key file holds it. */
    public static String rsaPem() throws Exception {
        return pem("PRIVATE KEY", rsa().getPrivate().getEncoded());
    }

    public static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /** The base64 between the armor lines, without line breaks. */
    public static String body(String pem) {
        return pem.replaceAll("-----(BEGIN|END) [A-Z0-9 ]+-----", "").replaceAll("\\s", "");
    }

    /** The RSA key in PKCS#1 form ({@code BEGIN RSA PRIVATE KEY}), as older openssl writes it. */
    static String rsaPkcs1Pem(byte[] pkcs8) {
        // PKCS#8 of an RSA key: SEQUENCE { INTEGER 0 (3 bytes), algorithm (15 bytes), OCTET STRING { PKCS#1 } }
        int offset = headerLength(pkcs8, 0) + 3 + 15;
        int contentStart = offset + headerLength(pkcs8, offset);
        return pem("RSA PRIVATE KEY", Arrays.copyOfRange(pkcs8, contentStart, pkcs8.length));
    }

    private static int headerLength(byte[] der, int offset) {
        int length = der[offset + 1] & 0xff;
        return length < 0x80 ? 2 : 2 + (length & 0x7f);
    }

    static byte[] ecPkcs8() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair().getPrivate().getEncoded();
    }

    static byte[] ed25519Pkcs8() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519")
                .generateKeyPair()
                .getPrivate()
                .getEncoded();
    }

    /** The RSA key encrypted with a passphrase, as {@code openssl pkcs8 -topk8} writes it. */
    static String encryptedPem(byte[] pkcs8) throws Exception {
        String algorithm = "PBEWithSHA1AndDESede";
        var key = SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec("passphrase".toCharArray()));
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(
                Cipher.ENCRYPT_MODE, key, new PBEParameterSpec("saltsalt".getBytes(StandardCharsets.US_ASCII), 10_000));
        byte[] encrypted = cipher.doFinal(pkcs8);
        return pem(
                "ENCRYPTED PRIVATE KEY", new EncryptedPrivateKeyInfo(cipher.getParameters(), encrypted).getEncoded());
    }
}
