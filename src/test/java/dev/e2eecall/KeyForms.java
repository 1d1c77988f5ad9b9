package dev.e2eecall;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The forms a secret can take on its way out of a page or into what a cluster holds, so that a
 * search of captured traffic, a log or stored bytes finds it however a page, a library, a transport
 * or a serializer encoded it: raw, JSON-escaped, percent-encoded (as {@code encodeURIComponent} and
 * as a form body), base64 (standard and URL-safe, padded or not, and at each of the three byte
 * offsets it can start at inside a longer base64 text), hex, and raw UTF-16 in either byte order (as
 * Java and JavaScript hold strings). The text forms are taken over the secret's UTF-8 bytes, or its
 * UTF-16 code units for JSON's {@code \}{@code u} escapes, so non-ASCII secrets are found too.
 */
public final class KeyForms {

    private final String secret;
    private final Map<String, byte[]> forms;

    private KeyForms(String secret, Map<String, byte[]> forms) {
        this.secret = secret;
        this.forms = forms;
    }

    public static KeyForms of(String secret) {
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("an empty secret is in everything");
        }
        byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("raw", secret);
        texts.put("JSON-escaped", jsonEscaped(secret, false, false));
        texts.put("JSON-escaped, non-ASCII as \\u (lower case)", jsonEscaped(secret, true, false));
        texts.put("JSON-escaped, non-ASCII as \\u (upper case)", jsonEscaped(secret, true, true));
        texts.put("percent-encoded (encodeURIComponent)", percentEncoded(utf8, "-_.!~*'()", false, false));
        texts.put(
                "percent-encoded (encodeURIComponent, lower-case hex)", percentEncoded(utf8, "-_.!~*'()", false, true));
        texts.put("form-encoded", percentEncoded(utf8, "-_.*", true, false));
        texts.put("form-encoded (lower-case hex)", percentEncoded(utf8, "-_.*", true, true));
        texts.put("base64", Base64.getEncoder().encodeToString(utf8));
        texts.put("base64 without padding", Base64.getEncoder().withoutPadding().encodeToString(utf8));
        texts.put("base64url", Base64.getUrlEncoder().encodeToString(utf8));
        texts.put(
                "base64url without padding",
                Base64.getUrlEncoder().withoutPadding().encodeToString(utf8));
        for (int offset = 0; offset < 3; offset++) {
            String inner = base64Inside(utf8, offset);
            texts.put("base64 inside a longer text, at byte offset " + offset, inner);
            texts.put(
                    "base64url inside a longer text, at byte offset " + offset,
                    inner.replace('+', '-').replace('/', '_'));
        }
        texts.put("hex", HexFormat.of().formatHex(utf8));
        texts.put("hex (upper case)", HexFormat.of().withUpperCase().formatHex(utf8));
        Map<String, byte[]> forms = new LinkedHashMap<>();
        texts.forEach((name, text) -> forms.put(name, text.getBytes(StandardCharsets.UTF_8)));
        // bytes, not text: what a serializer that keeps strings as UTF-16 writes
        forms.put("UTF-16BE", secret.getBytes(StandardCharsets.UTF_16BE));
        forms.put("UTF-16LE", secret.getBytes(StandardCharsets.UTF_16LE));
        return new KeyForms(secret, forms);
    }

    public String secret() {
        return secret;
    }

    /** Each form by name, as the bytes it would be sent or stored as. */
    public Map<String, byte[]> forms() {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        forms.forEach((name, bytes) -> copy.put(name, bytes.clone()));
        return copy;
    }

    /** The names of the forms found in {@code content}; empty when it holds none of them. */
    public List<String> foundIn(byte[] content) {
        List<String> found = new ArrayList<>();
        forms.forEach((name, form) -> {
            if (indexOf(content, form) >= 0) {
                found.add(name);
            }
        });
        return found;
    }

    /** The same for a text, searched as its UTF-8 bytes. */
    public List<String> foundIn(String text) {
        return foundIn(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * As JSON.stringify writes a string's content: quote, backslash and control characters escaped;
     * with {@code asciiOnly}, every other character outside ASCII as a \\u escape of its UTF-16 code
     * units, as Java and other serializers do.
     */
    private static String jsonEscaped(String text, boolean asciiOnly, boolean upperCase) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || (asciiOnly && c > 0x7e)) {
                        String hex = String.format("%04x", (int) c);
                        out.append("\\u").append(upperCase ? hex.toUpperCase() : hex);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * Every byte outside ASCII letters, digits and {@code unreserved} as %XX; a space as + when
     * {@code spaceAsPlus} (form encoding: URLSearchParams, HTML forms, Java's URLEncoder).
     */
    private static String percentEncoded(byte[] utf8, String unreserved, boolean spaceAsPlus, boolean lowerCase) {
        StringBuilder out = new StringBuilder();
        for (byte b : utf8) {
            int unsigned = b & 0xff;
            char c = (char) unsigned;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || (unsigned < 0x80 && unreserved.indexOf(c) >= 0)) {
                out.append(c);
            } else if (c == ' ' && spaceAsPlus) {
                out.append('+');
            } else {
                String hex = String.format("%02X", unsigned);
                out.append('%').append(lowerCase ? hex.toLowerCase() : hex);
            }
        }
        return out.toString();
    }

    /**
     * The base64 characters that the secret's bytes alone decide when they start {@code offset} bytes
     * into a 3-byte group of a longer text: the characters shared with the neighbouring bytes at either
     * end are left out, as they change with whatever comes before and after.
     */
    private static String base64Inside(byte[] utf8, int offset) {
        ByteArrayOutputStream shifted = new ByteArrayOutputStream();
        shifted.writeBytes(new byte[offset]);
        shifted.writeBytes(utf8);
        String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted.toByteArray());
        // leading characters holding bits of the bytes before: none, 2 (1 byte before), 3 (2 bytes before)
        int head = new int[] {0, 2, 3}[offset];
        // trailing characters holding bits of the bytes after: the last one unless the groups come out even
        int tail = (offset + utf8.length) % 3 == 0 ? 0 : 1;
        return encoded.substring(head, encoded.length() - tail);
    }

    private static int indexOf(byte[] content, byte[] form) {
        outer:
        for (int i = 0; i + form.length <= content.length; i++) {
            for (int j = 0; j < form.length; j++) {
                if (content[i + j] != form[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public String toString() {
        return "forms of a secret of " + secret.length() + " characters: "
                + Arrays.toString(forms.keySet().toArray());
    }
}
