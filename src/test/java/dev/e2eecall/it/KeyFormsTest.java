package dev.e2eecall.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2eecall.KeyForms;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search for secrets in captured traffic, tried on secrets planted in a capture: each form,
 * made by an encoder other than {@link KeyForms}'s own (Java's, Jackson's, or the output of the
 * browser's own functions written down), is found wherever it is planted, sent or received.
 */
class KeyFormsTest {

    private static final String ASCII_KEY = "secrecyFirstKey1";
    /** é and ü (2 UTF-8 bytes), 李 (3), 🔑 (4, a UTF-16 surrogate pair), and what encoders escape. */
    private static final String WIDE_KEY = "Kéy-ü 李🔑!*'()~\"\\/";

    /** What the browser's JSON.stringify, encodeURIComponent and URLSearchParams make of {@link #WIDE_KEY}. */
    private static final String WIDE_KEY_JSON_STRINGIFY = "\"Kéy-ü 李🔑!*'()~\\\"\\\\/\"";

    private static final String WIDE_KEY_ENCODE_URI_COMPONENT =
            "K%C3%A9y-%C3%BC%20%E6%9D%8E%F0%9F%94%91!*'()~%22%5C%2F";
    private static final String WIDE_KEY_URL_SEARCH_PARAMS =
            "k=K%C3%A9y-%C3%BC+%E6%9D%8E%F0%9F%94%91%21*%27%28%29%7E%22%5C%2F";
    private static final String WIDE_KEY_HEX = "4bc3a9792dc3bc20e69d8ef09f9491212a2728297e225c2f";

    /** The places of a capture a form can be planted in. */
    private static final Map<String, BiConsumer<Traffic, String>> PLACES = Map.of(
            "request URL",
                    (traffic, form) ->
                            traffic.recordSent("request", utf8("GET http://localhost/x?k=" + form + "&z=1\n")),
            "request header",
                    (traffic, form) ->
                            traffic.recordSent("request", utf8("POST http://localhost/\ncookie: k=" + form + "\n")),
            "request body",
                    (traffic, form) ->
                            traffic.recordSent("request", utf8("POST http://localhost/\n\n{\"rpc\":[" + form + "]}")),
            "frame sent", (traffic, form) -> traffic.recordSent("frame", utf8("42|" + form + "|")),
            "response body",
                    (traffic, form) ->
                            traffic.recordReceived("response", utf8("200 http://localhost/\n\n<p>" + form + "</p>")),
            "frame received", (traffic, form) -> traffic.recordReceived("frame", utf8(form)));

    static Stream<Arguments> plantedForms() {
        Stream.Builder<Arguments> planted = Stream.builder();
        JsonMapper json = JsonMapper.builder().build();
        JsonMapper asciiJson =
                JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
        for (String key : List.of(ASCII_KEY, WIDE_KEY)) {
            byte[] utf8 = utf8(key);
            planted.add(Arguments.of(key, "raw", key));
            planted.add(Arguments.of(key, "JSON-escaped", json.writeValueAsString(Map.of("key", key))));
            planted.add(Arguments.of(
                    key,
                    "JSON-escaped, non-ASCII as \\u (upper case)",
                    asciiJson.writeValueAsString(Map.of("key", key))));
            planted.add(Arguments.of(key, "form-encoded", URLEncoder.encode(key, StandardCharsets.UTF_8)));
            planted.add(Arguments.of(key, "base64", Base64.getEncoder().encodeToString(utf8)));
            planted.add(Arguments.of(
                    key,
                    "base64 without padding",
                    Base64.getEncoder().withoutPadding().encodeToString(utf8)));
            planted.add(Arguments.of(key, "base64url", Base64.getUrlEncoder().encodeToString(utf8)));
            planted.add(Arguments.of(
                    key,
                    "base64url without padding",
                    Base64.getUrlEncoder().withoutPadding().encodeToString(utf8)));
            planted.add(Arguments.of(key, "hex", HexFormat.of().formatHex(utf8)));
            planted.add(Arguments.of(
                    key, "hex (upper case)", HexFormat.of().withUpperCase().formatHex(utf8)));
            // the key inside a longer text that is base64-encoded as a whole, at every alignment
            for (int before = 0; before < 6; before++) {
                for (int after = 0; after < 3; after++) {
                    byte[] text = surrounded(utf8, before, after);
                    String form = "inside a longer text, at byte offset " + before % 3;
                    planted.add(Arguments.of(
                            key, "base64 " + form, Base64.getEncoder().encodeToString(text)));
                    planted.add(Arguments.of(
                            key,
                            "base64url " + form,
                            Base64.getUrlEncoder().withoutPadding().encodeToString(text)));
                }
            }
        }
        planted.add(Arguments.of(WIDE_KEY, "JSON-escaped", WIDE_KEY_JSON_STRINGIFY));
        planted.add(Arguments.of(
                WIDE_KEY,
                "JSON-escaped, non-ASCII as \\u (lower case)",
                "K\\u00e9y-\\u00fc \\u674e\\ud83d\\udd11!*'()~\\\"\\\\/"));
        planted.add(Arguments.of(WIDE_KEY, "percent-encoded (encodeURIComponent)", WIDE_KEY_ENCODE_URI_COMPONENT));
        planted.add(Arguments.of(
                WIDE_KEY,
                "percent-encoded (encodeURIComponent, lower-case hex)",
                lowerCaseEscapes(WIDE_KEY_ENCODE_URI_COMPONENT)));
        planted.add(Arguments.of(WIDE_KEY, "form-encoded", WIDE_KEY_URL_SEARCH_PARAMS));
        planted.add(
                Arguments.of(WIDE_KEY, "form-encoded (lower-case hex)", lowerCaseEscapes(WIDE_KEY_URL_SEARCH_PARAMS)));
        planted.add(Arguments.of(WIDE_KEY, "hex", WIDE_KEY_HEX));
        return planted.build();
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("plantedForms")
    void plantedForm_isFoundWhereverItIsPlanted(String key, String form, String planted) {
        PLACES.forEach((place, plant) -> {
            Traffic traffic = new Traffic();
            plant.accept(traffic, planted);

            List<String> found = place.contains("sent") || place.startsWith("request")
                    ? traffic.sentFormsOf(key)
                    : traffic.receivedFormsOf(key);
            assertThat(found).as("%s planted in a %s", form, place).anyMatch(hit -> hit.startsWith(form + " in "));
        });
    }

    /** The forms that are bytes, not text, each made by Java's own encoder. */
    private static final Map<String, Charset> BINARY_FORMS =
            Map.of("UTF-16BE", StandardCharsets.UTF_16BE, "UTF-16LE", StandardCharsets.UTF_16LE);

    @Test
    void utf16Bytes_inABinaryFrame_areFound_inEitherByteOrder() {
        BINARY_FORMS.forEach((form, charset) -> {
            for (String key : List.of(ASCII_KEY, WIDE_KEY)) {
                Traffic traffic = new Traffic();
                traffic.recordReceived("binary frame", surrounded(key.getBytes(charset), 3, 4));

                assertThat(traffic.receivedFormsOf(key)).as(form).contains(form + " in binary frame");
            }
        });
    }

    @Test
    void everyFormOfTheSearch_isTriedAbove() {
        List<String> tried = Stream.concat(
                        plantedForms().map(arguments -> (String) arguments.get()[1]), BINARY_FORMS.keySet().stream())
                .distinct()
                .toList();

        assertThat(KeyForms.of(WIDE_KEY).forms().keySet()).allMatch(tried::contains);
    }

    @Test
    void aCaptureWithoutTheKey_showsNone_andTheKeyInIt_showsIt() {
        Traffic traffic = new Traffic();
        traffic.recordSent(
                "request",
                utf8("POST http://localhost/\n\n{\"name\":\"Ada\",\"key\":\"" + new StringBuilder(WIDE_KEY).reverse()
                        + "\"}"));
        traffic.recordReceived("response", utf8(WIDE_KEY));

        assertThat(traffic.sentFormsOf(WIDE_KEY)).isEmpty();
        assertThat(traffic.sentFormsOf(ASCII_KEY)).isEmpty();
        assertThat(traffic.receivedFormsOf(WIDE_KEY)).contains("raw in response");
    }

    @Test
    void binaryFrame_holdingTheKeysBytes_isFound() {
        Traffic traffic = new Traffic();
        byte[] frame = surrounded(utf8(WIDE_KEY), 5, 7);

        traffic.recordSent("binary frame", frame);

        assertThat(traffic.sentFormsOf(WIDE_KEY)).contains("raw in binary frame");
    }

    private static String lowerCaseEscapes(String percentEncoded) {
        return Pattern.compile("%[0-9A-F]{2}")
                .matcher(percentEncoded)
                .replaceAll(escape -> escape.group().toLowerCase(Locale.ROOT));
    }

    private static byte[] surrounded(byte[] middle, int before, int after) {
        byte[] text = new byte[before + middle.length + after];
        for (int i = 0; i < text.length; i++) {
            text[i] = (byte) (0x41 + (i * 7) % 26);
        }
        System.arraycopy(middle, 0, text, before, middle.length);
        return text;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
