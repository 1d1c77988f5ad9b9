package dev.e2eecall.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged app with Vonage application credentials (a private key file) against a local
 * stand-in of the Vonage Video API: the browser gets the application id, a session and a token,
 * and never any part of the private key.
 */
class VonageModeIT {

    @TempDir
    Path workingDirectory;

    @Test
    void join_usesTheApplicationId_andThePrivateKeyNeverReachesTheBrowser() throws Exception {
        String applicationId = UUID.randomUUID().toString();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String keyBody = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        Path keyFile = workingDirectory.resolve("private.key");
        Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\n" + keyBody + "\n-----END PRIVATE KEY-----\n");

        WireMockServer standIn = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        standIn.start();
        standIn.stubFor(post(urlPathEqualTo("/session/create"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("[{\"session_id\":\"2_MX4vonage-stand-in-session\"}]")));
        try (PackagedApp app = PackagedApp.start(
                        workingDirectory,
                        Map.of(
                                "VONAGE_APPLICATION_ID", applicationId,
                                "VONAGE_PRIVATE_KEY", keyFile.toString(),
                                "VONAGE_VIDEO_API_URL", standIn.baseUrl()));
                Chromium chromium = new Chromium()) {
            assertThat(app.output()).contains("application " + applicationId);
            BrowserContext context = chromium.browser().newContext();
            Page page = context.newPage();
            OtDouble.replaceOpenTokIn(page);
            Traffic traffic = Traffic.capture(page);
            page.navigate(app.url("/room/vonage").toString());
            Tab ada = new Tab(page, traffic, List.of());
            assertThat(ada.form().backendNote())
                    .containsText("Calls run on the Vonage Video API (application " + applicationId + ")");

            ada.join("Ada", "vonage-key-123");

            assertThat(page.evaluate("otDouble.calls.find(call => call.method === 'initSession').args[0]"))
                    .isEqualTo(applicationId);
            assertThat(standIn.findAll(postRequestedFor(urlPathEqualTo("/session/create"))))
                    .hasSize(1);
            for (String line : keyBody.split("\n")) {
                assertThat(traffic.receivedContaining(line))
                        .as("private key material")
                        .isZero();
                assertThat(app.output()).doesNotContain(line);
            }
            assertThat(traffic.sentContaining("vonage-key-123")).isZero();
            context.close();
        } finally {
            standIn.stop();
        }
    }
}
