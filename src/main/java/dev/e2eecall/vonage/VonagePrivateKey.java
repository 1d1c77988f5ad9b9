package dev.e2eecall.vonage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Vonage application's private key, from what {@code VONAGE_PRIVATE_KEY} holds, in the forms
 * people write it: the path of the key file (relative paths start at the working directory), the
 * PEM text itself (also on one line with {@code \n} escapes, or in quotes), or base64 of the PEM
 * or of the key. It must be an RSA key, as Vonage makes them; the PKCS#1 form
 * ({@code BEGIN RSA PRIVATE KEY}) is converted. No message repeats any part of the value, which may
 * be key material; the path of a file that exists is the only thing named.
 */
final class VonagePrivateKey {

    private static final String VARIABLE = "VONAGE_PRIVATE_KEY";
    private static final int LARGEST_FILE = 64 * 1024;
    private static final Pattern PEM_HEADER = Pattern.compile("-----BEGIN ([A-Z0-9 ]{1,40})-----");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=_\\-\\s]{16,}");
    // the PKCS#8 algorithm identifier of RSA keys: rsaEncryption (1.2.840.113549.1.1.1), no parameters
    private static final byte[] RSA_ALGORITHM = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };

    private VonagePrivateKey() {}

    /** Why a value is not a usable key; its message holds nothing of the value. */
    static final class UnusableKeyException extends Exception {

        private final String reason;

        UnusableKeyException(String message) {
            super(message, null, false, false);
            this.reason = message;
        }

        @Override
        public String getMessage() {
            return reason;
        }
    }

    /**
     * The key as unencrypted PKCS#8 PEM, the form the Vonage SDK reads.
     *
     * @param value            what {@code VONAGE_PRIVATE_KEY} holds, not blank
     * @param workingDirectory where a relative path starts
     */
    static String pkcs8Pem(String value, Path workingDirectory) throws UnusableKeyException {
        String text = unquoted(value.strip());
        int begin = text.indexOf("-----BEGIN");
        if (begin >= 0) {
            // a PEM in a variable often has its line breaks written as \n
            return fromPem(text.substring(begin).replace("\\r", "").replace("\\n", "\n"), VARIABLE);
        }
        Path file = existingFile(text, workingDirectory);
        if (file != null) {
            return fromFile(file);
        }
        byte[] decoded = base64(text);
        if (decoded != null) {
            String decodedText = new String(decoded, StandardCharsets.ISO_8859_1).strip();
            if (decodedText.startsWith("-----BEGIN")) {
                return fromPem(decodedText, VARIABLE + " (base64 of a PEM)");
            }
            if (decoded.length > 0 && decoded[0] == 0x30) {
                return fromDer(decoded, VARIABLE + " (base64 of a key)");
            }
        }
        throw new UnusableKeyException(VARIABLE + " is neither a PEM private key, nor base64 of one, nor the path of "
                + "an existing file (a relative path starts at " + workingDirectory + ")");
    }

    private static String unquoted(String text) {
        if (text.length() >= 2
                && (text.charAt(0) == '"' || text.charAt(0) == '\'')
                && text.charAt(text.length() - 1) == text.charAt(0)) {
            return text.substring(1, text.length() - 1).strip();
        }
        return text;
    }

    private static @Nullable Path existingFile(String text, Path workingDirectory) {
        if (text.contains("\n")) {
            return null;
        }
        try {
            Path path = workingDirectory.resolve(text);
            return Files.exists(path) ? path : null;
        } catch (InvalidPathException e) {
            // its message would repeat the value
            return null;
        }
    }

    private static String fromFile(Path file) throws UnusableKeyException {
        if (Files.isDirectory(file)) {
            throw new UnusableKeyException(VARIABLE + " names a directory (" + file + "), not a key file");
        }
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes(LARGEST_FILE + 1);
        } catch (IOException e) {
            throw new UnusableKeyException(VARIABLE + " names a file that cannot be read (" + file + ")");
        }
        if (content.length > LARGEST_FILE) {
            throw new UnusableKeyException(VARIABLE + " names a file too large to be a key (" + file + ")");
        }
        String text = new String(content, StandardCharsets.ISO_8859_1).strip();
        String source = "the file " + file + " (" + VARIABLE + ")";
        if (text.isEmpty()) {
            throw new UnusableKeyException(source + " is empty");
        }
        int begin = text.indexOf("-----BEGIN");
        if (begin < 0) {
            throw new UnusableKeyException(
                    source + " holds no PEM key: it should start with -----BEGIN PRIVATE KEY-----");
        }
        return fromPem(text.substring(begin), source);
    }

    private static String fromPem(String text, String source) throws UnusableKeyException {
        Matcher header = PEM_HEADER.matcher(text);
        if (!header.lookingAt()) {
            throw new UnusableKeyException(
                    source + " has a damaged PEM header: it should start with -----BEGIN PRIVATE KEY-----");
        }
        String label = header.group(1);
        switch (label) {
            case "PRIVATE KEY", "RSA PRIVATE KEY" -> {
                // readable: checked below
            }
            case "PUBLIC KEY", "RSA PUBLIC KEY" ->
                throw new UnusableKeyException(
                        source
                                + " is a public key: it must be the application's private key (the private.key file Vonage gave you)");
            case "CERTIFICATE" ->
                throw new UnusableKeyException(
                        source
                                + " is a certificate: it must be the application's private key (the private.key file Vonage gave you)");
            case "ENCRYPTED PRIVATE KEY" -> throw encrypted(source);
            case "EC PRIVATE KEY" -> throw notRsa(source, "an EC");
            case "OPENSSH PRIVATE KEY" ->
                throw new UnusableKeyException(source
                        + " is an OpenSSH key: it must be the application's private key in PEM (BEGIN PRIVATE KEY)");
            default ->
                throw new UnusableKeyException(
                        source + " is a PEM block of the kind " + label + ", not a private key (BEGIN PRIVATE KEY)");
        }
        String footer = "-----END " + label + "-----";
        int end = text.indexOf(footer, header.end());
        if (end < 0) {
            throw new UnusableKeyException(
                    source + " is a PEM private key that is cut short: it has no " + footer + " line");
        }
        String body = text.substring(header.end(), end);
        if (body.contains("ENCRYPTED")) {
            throw encrypted(source);
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            // its message names a character of the key
            throw damaged(source);
        }
        return fromDer(label.equals("RSA PRIVATE KEY") ? pkcs8(der) : der, source);
    }

    private static String fromDer(byte[] der, String source) throws UnusableKeyException {
        try {
            KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException notRsa) {
            for (String algorithm : List.of("EC", "Ed25519", "Ed448", "DSA")) {
                try {
                    KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
                    throw notRsa(source, algorithm.startsWith("E") ? "an " + algorithm : "a " + algorithm);
                } catch (GeneralSecurityException notThisOne) {
                    // try the next
                }
            }
            throw damaged(source);
        }
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static UnusableKeyException notRsa(String source, String kind) {
        return new UnusableKeyException(source + " is " + kind
                + " key: Vonage applications sign with RSA keys (the private.key file Vonage gave you)");
    }

    private static UnusableKeyException encrypted(String source) {
        return new UnusableKeyException(source + " is encrypted with a passphrase: decrypt it once with "
                + "openssl pkey -in <key file> -out private.key, and use that file");
    }

    private static UnusableKeyException damaged(String source) {
        return new UnusableKeyException(source + " is a PEM private key whose content is damaged or cut short");
    }

    private static byte @Nullable [] base64(String text) {
        if (!BASE64.matcher(text).matches()) {
            return null;
        }
        String compact = text.replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException notStandard) {
            try {
                return Base64.getUrlDecoder().decode(compact);
            } catch (IllegalArgumentException notUrlSafe) {
                return null;
            }
        }
    }

    /** Wraps a PKCS#1 RSA key in the PKCS#8 structure the key factory reads. */
    private static byte[] pkcs8(byte[] pkcs1) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(new byte[] {0x02, 0x01, 0x00}); // version 0
        content.writeBytes(RSA_ALGORITHM);
        content.writeBytes(der(0x04, pkcs1));
        return der(0x30, content.toByteArray());
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length < 0x100 ? 1 : length < 0x10000 ? 2 : 3;
            out.write(0x80 | bytes);
            for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
                out.write(length >> shift);
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
