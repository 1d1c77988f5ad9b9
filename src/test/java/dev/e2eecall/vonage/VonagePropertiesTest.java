package dev.e2eecall.vonage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2eecall.ConfigurationBinding;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VonagePropertiesTest {

    private static final String APPLICATION_ID = "0b0b0b0b-1111-2222-3333-444444444444";
    private static final URI URL = URI.create("https://video.api.vonage.com");

    private static List<String> problems(String applicationId, String privateKey) {
        Map<String, String> properties = new HashMap<>();
        properties.put("vonage.application-id", applicationId);
        properties.put("vonage.private-key", privateKey);
        return ConfigurationBinding.problems("vonage", VonageProperties.class, properties);
    }

    @Test
    void toString_masksThePrivateKey() throws Exception {
        String pem = PrivateKeys.rsaPem();
        var properties = new VonageProperties(APPLICATION_ID, pem, URL);

        assertThat(properties.toString())
                .contains("***")
                .doesNotContain(PrivateKeys.body(pem).substring(0, 64));
    }

    @Test
    void halfThePair_namesTheMissingVariable() throws Exception {
        assertThat(problems(APPLICATION_ID, ""))
                .containsExactly("VONAGE_PRIVATE_KEY is not set, but VONAGE_APPLICATION_ID is: set both");
        assertThat(problems("", PrivateKeys.rsaPem()))
                .containsExactly("VONAGE_APPLICATION_ID is not set, but VONAGE_PRIVATE_KEY is: set both");
        assertThat(problems("", "")).isEmpty();
    }

    @Test
    void applicationId_mustBeAUuid() throws Exception {
        assertThat(problems("my-app", PrivateKeys.rsaPem()))
                .containsExactly("VONAGE_APPLICATION_ID must be the application's id, a UUID");
    }

    @Test
    void unreadablePrivateKey_isRefusedAsAWhole_withoutShowingIt() throws Exception {
        String pem = PrivateKeys.rsaPem();
        String cutShort = pem.substring(0, pem.length() / 2);

        assertThat(problems(APPLICATION_ID, cutShort))
                .containsExactly("VONAGE_PRIVATE_KEY is a PEM private key that is "
                        + "cut short: it has no -----END PRIVATE KEY----- line");
    }

    @Test
    void readablePrivateKey_passes() throws Exception {
        assertThat(problems(APPLICATION_ID, PrivateKeys.rsaPem())).isEmpty();
    }
}
