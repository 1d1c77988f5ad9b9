package dev.e2eecall.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2eecall.FormBodies;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A legacy {@code T1==} OpenTok token taken apart, with its signature checked against the API secret. */
final class PublisherToken {

    private PublisherToken() {}

    /** The token's fields ({@code session_id}, {@code role}, {@code expire_time}, {@code connection_data}, ...). */
    static Map<String, String> fields(String token, int apiKey, String apiSecret) throws Exception {
        assertThat(token).startsWith("T1==");
        String decoded = new String(Base64.getDecoder().decode(token.substring(4)), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        Map<String, String> envelope = FormBodies.parse(decoded.substring(0, colon));
        String data = decoded.substring(colon + 1);
        assertThat(envelope).containsEntry("partner_id", Integer.toString(apiKey));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(apiSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        assertThat(envelope.get("sig"))
                .as("HMAC-SHA1 signature")
                .isEqualTo(HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8))));
        return FormBodies.parse(data);
    }
}
