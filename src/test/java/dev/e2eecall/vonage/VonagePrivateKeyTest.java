package dev.e2eecall.vonage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.e2eecall.SecretLeaks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every form of VONAGE_PRIVATE_KEY people write, and every way it goes wrong, with nothing of it in a message. */
class VonagePrivateKeyTest {

    private static KeyPair keys;
    private static String pem;

    @TempDir
    Path directory;

    @BeforeAll
    static void generate() throws Exception {
        keys = PrivateKeys.rsa();
        pem = PrivateKeys.pem("PRIVATE KEY", keys.getPrivate().getEncoded());
    }

    private String read(String value) throws Exception {
        return VonagePrivateKey.pkcs8Pem(value, directory);
    }

    private static byte[] der(String readPem) {
        return Base64.getDecoder().decode(PrivateKeys.body(readPem));
    }

    private void assertReadsTheKey(String value) throws Exception {
        String read = read(value);
        assertThat(read).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(der(read)).isEqualTo(keys.getPrivate().getEncoded());
        KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(read)));
    }

    @Test
    void pemItself_isRead() throws Exception {
        assertReadsTheKey(pem);
    }

    @Test
    void pemWithEscapedLineBreaks_isRead() throws Exception {
        assertReadsTheKey(pem.replace("\n", "\\n"));
        assertReadsTheKey(pem.replace("\n", "\\r\\n"));
    }

    @Test
    void pemInQuotes_isRead() throws Exception {
        assertReadsTheKey("\"" + pem + "\"");
        assertReadsTheKey("'" + pem.replace("\n", "\\n") + "'");
    }

    @Test
    void pemWithWindowsLineEnds_isRead() throws Exception {
        assertReadsTheKey(pem.replace("\n", "\r\n"));
    }

    @Test
    void base64OfThePem_isRead() throws Exception {
        assertReadsTheKey(Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII)));
        assertReadsTheKey(Base64.getMimeEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void base64OfTheKeyItself_isRead() throws Exception {
        assertReadsTheKey(PrivateKeys.body(pem));
    }

    @Test
    void pathOfTheKeyFile_absoluteOrRelative_isRead() throws Exception {
        Path file = directory.resolve("private.key");
        Files.writeString(file, pem);

        assertReadsTheKey(file.toString());
        assertReadsTheKey("private.key");
        assertReadsTheKey("\"./private.key\"");
    }

    @Test
    void pkcs1Key_isConvertedToPkcs8() throws Exception {
        assertReadsTheKey(PrivateKeys.rsaPkcs1Pem(keys.getPrivate().getEncoded()));
        Files.writeString(
                directory.resolve("pkcs1.key"),
                PrivateKeys.rsaPkcs1Pem(keys.getPrivate().getEncoded()));
        assertReadsTheKey("pkcs1.key");
    }

    /** A malformed value: what the message must say, and what must not be in it. */
    private record Malformed(String name, String value, String message, String secret) {}

    private List<Malformed> malformed() throws Exception {
        String body = PrivateKeys.body(pem);
        String cutShort = pem.substring(0, pem.length() / 2);
        // within the second line of the body, so that the PEM holds it as it is
        String damaged = pem.replace(body.substring(70, 110), "!".repeat(40));
        String lines = String.join(
                        "\n",
                        pem.lines()
                                .filter(line -> !line.startsWith("MII"))
                                .limit(5)
                                .toList()) + "\n-----END PRIVATE KEY-----";
        byte[] garbage = new byte[600];
        new Random(7).nextBytes(garbage);
        String base64OfGarbage = Base64.getEncoder().encodeToString(garbage);
        String base64OfCutShort = Base64.getEncoder().encodeToString(cutShort.getBytes(StandardCharsets.US_ASCII));
        String publicKey = PrivateKeys.pem("PUBLIC KEY", keys.getPublic().getEncoded());
        String ec = PrivateKeys.pem("PRIVATE KEY", PrivateKeys.ecPkcs8());
        String sec1 = PrivateKeys.pem("EC PRIVATE KEY", PrivateKeys.ecPkcs8());
        String ed25519 = PrivateKeys.pem("PRIVATE KEY", PrivateKeys.ed25519Pkcs8());
        String encrypted = PrivateKeys.encryptedPem(keys.getPrivate().getEncoded());
        String certificate = PrivateKeys.pem("CERTIFICATE", garbage);
        String openSsh = PrivateKeys.pem("OPENSSH PRIVATE KEY", garbage);
        String apiSecret = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";
        Path emptyFile = Files.writeString(directory.resolve("empty.key"), "");
        Path textFile = Files.writeString(directory.resolve("notes.txt"), "my key is " + body);
        Path largeFile = Files.write(directory.resolve("large.key"), new byte[64 * 1024 + 1]);
        Path subdirectory = Files.createDirectory(directory.resolve("keys"));
        String neither =
                "VONAGE_PRIVATE_KEY is neither a PEM private key, nor base64 of one, nor the path of an existing file";
        return List.of(
                new Malformed(
                        "PEM cut short",
                        cutShort,
                        "VONAGE_PRIVATE_KEY is a PEM private key that is cut short: "
                                + "it has no -----END PRIVATE KEY----- line",
                        pem),
                new Malformed(
                        "first line only, behind a stray quote",
                        "\"-----BEGIN PRIVATE KEY-----",
                        "cut short",
                        "-----BEGIN PRIVATE KEY-----"),
                new Malformed(
                        "PEM with damaged content",
                        damaged,
                        "VONAGE_PRIVATE_KEY is a PEM private key whose content " + "is damaged or cut short",
                        pem),
                new Malformed("PEM missing its middle lines", lines, "damaged or cut short", pem),
                new Malformed("base64 of garbage", base64OfGarbage, neither, base64OfGarbage),
                new Malformed(
                        "base64 of a PEM cut short",
                        base64OfCutShort,
                        "VONAGE_PRIVATE_KEY (base64 of a PEM) is a PEM private key that is cut short",
                        pem),
                new Malformed(
                        "path that does not exist", "/nonexistent/private.key", neither, "/nonexistent/private.key"),
                new Malformed("relative path that does not exist", "privte.key", neither, "privte.key"),
                new Malformed("API secret by mistake", apiSecret, neither, apiSecret),
                new Malformed("NUL in the value", "private\0" + body.substring(0, 40), neither, body.substring(0, 40)),
                new Malformed("directory", subdirectory.toString(), "names a directory", pem),
                new Malformed("empty file", emptyFile.toString(), "is empty", pem),
                new Malformed(
                        "file without a PEM",
                        textFile.toString(),
                        "holds no PEM key: it should start with -----BEGIN PRIVATE KEY-----",
                        body),
                new Malformed("file too large", largeFile.toString(), "names a file too large to be a key", pem),
                new Malformed(
                        "public key",
                        publicKey,
                        "VONAGE_PRIVATE_KEY is a public key: it must be the application's " + "private key",
                        publicKey),
                new Malformed(
                        "EC key (PKCS#8)",
                        ec,
                        "VONAGE_PRIVATE_KEY is an EC key: Vonage applications sign with RSA keys",
                        ec),
                new Malformed("EC key (SEC1)", sec1, "is an EC key", sec1),
                new Malformed("Ed25519 key", ed25519, "is an Ed25519 key", ed25519),
                new Malformed("encrypted key", encrypted, "is encrypted with a passphrase", encrypted),
                new Malformed("certificate", certificate, "is a certificate", certificate),
                new Malformed("OpenSSH key", openSsh, "is an OpenSSH key", openSsh));
    }

    @Test
    void malformedKeys_areRefusedWithAMessage_thatHoldsNothingOfThem() throws Exception {
        for (Malformed malformed : malformed()) {
            assertThat(catchThrowable(() -> read(malformed.value())))
                    .as(malformed.name())
                    .isInstanceOf(VonagePrivateKey.UnusableKeyException.class)
                    .hasMessageContaining(malformed.message())
                    .hasNoCause()
                    .satisfies(e -> assertThat(SecretLeaks.partsIn(String.valueOf(e.getMessage()), malformed.secret()))
                            .as(malformed.name() + ": parts of the key in \"" + e.getMessage() + "\"")
                            .isEmpty());
        }
    }
}
