package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.e2eecall.it.OtDouble.addRemote;
import static dev.e2eecall.it.OtDouble.callArguments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.e2eecall.KeyForms;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where keys and the API secret go in OpenTok mode, with the test double of OpenTok.js: keys reach
 * OpenTok.js in exactly two places and never leave the browser; the secret never reaches it.
 */
class OpenTokKeyPathsIT extends DoubleCallTest {

    @Test
    void keys_neverLeaveTheBrowser_acrossJoinThreeChangesAndLeave() {
        Tab ada = participant("secrecy");
        Traffic traffic = ada.traffic();
        String name = "Ada Lovelace-Ω";
        // non-ASCII keys too: their UTF-8 bytes are what percent, base64 and hex encode
        List<String> keys = List.of("secrecyFirstKey1", "Schlüssel-é-李-🔑-2", "secrecyThirdKey3", "ключ-ü-🗝️-four-4");

        ada.join(name, keys.get(0));
        for (String newKey : keys.subList(1, keys.size())) {
            // the panel closes after each change
            ada.call().changeKey().click();
            ada.call().newKey().fill(newKey);
            ada.call().change().click();
            assertThat(ada.call().keyChangedNotice()).isVisible();
            assertThat(callArguments(ada.page(), "setEncryptionSecret")).contains(newKey);
            ada.call().keyChangedNotice().evaluate("status => status.textContent = ''");
        }
        ada.call().leave().click();
        assertThat(ada.left().heading()).isVisible();
        ada.left().backToForm().click();
        assertThat(ada.form().name()).isVisible();

        // the capture sees what the page sends: the typed name went to the server
        assertThat(traffic.sentFormsOf(name))
                .as("the typed name in what the page sent")
                .isNotEmpty();
        for (String key : keys) {
            assertThat(traffic.sentFormsOf(key))
                    .as("what the page sent, searched for %s", key)
                    .isEmpty();
            assertThat(traffic.receivedFormsOf(key))
                    .as("what the page received, searched for %s", key)
                    .isEmpty();
            assertThat(KeyForms.of(key).foundIn(app.output()))
                    .as("server log, searched for %s", key)
                    .isEmpty();
        }
        assertThat(traffic.receivedFormsOf(API_SECRET))
                .as("what the page received, searched for the API secret")
                .isEmpty();
        assertThat(KeyForms.of(API_SECRET).foundIn(app.output()))
                .as("server log, searched for the API secret")
                .isEmpty();
    }

    @Test
    void keys_reachOpenTokJsOnlyThroughInitSessionAndSetEncryptionSecret() {
        Tab ada = participant("key-paths");
        List<String> keys = List.of("keyPathsFirst-1", "Schlüssel-é-李-🔑-2");
        ada.join("Ada", keys.get(0));
        addRemote(ada.page(), "grace-stream", "Grace");
        ada.page().evaluate("otDouble.mismatch('grace-stream')");
        ada.call().microphoneOn().click();
        ada.changeKey(keys.get(1));
        ada.call().leave().click();
        assertThat(ada.left().heading()).isVisible();

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> calls = (List<Map<String, Object>>) ada.page().evaluate("""
                otDouble.calls.map(call => {
                  const rest = structuredClone(call);
                  let key = null;
                  if (call.target === 'OT' && call.method === 'initSession') {
                    key = rest.args[2].encryptionSecret;
                    delete rest.args[2].encryptionSecret;
                  } else if (call.target === 'session' && call.method === 'setEncryptionSecret') {
                    key = rest.args[0];
                    rest.args[0] = null;
                  }
                  return { call: `${call.target}.${call.method}`, key, rest: JSON.stringify(rest) };
                })""");

        // the recording sees every argument: the key is where it belongs
        assertThat(calls)
                .filteredOn(call -> call.get("key") != null)
                .extracting(call -> call.get("call"), call -> call.get("key"))
                .containsExactly(
                        tuple("OT.initSession", keys.get(0)), tuple("session.setEncryptionSecret", keys.get(1)));
        assertThat(calls)
                .extracting(call -> call.get("call"))
                .contains(
                        "OT.initPublisher",
                        "session.connect",
                        "session.publish",
                        "session.subscribe",
                        "session.on",
                        "subscriber.on",
                        "publisher.publishAudio",
                        "session.disconnect");
        for (Map<String, Object> call : calls) {
            for (String key : keys) {
                assertThat(KeyForms.of(key).foundIn((String) call.get("rest")))
                        .as("%s, searched for %s: %s", call.get("call"), key, call.get("rest"))
                        .isEmpty();
            }
        }
    }

    @Test
    void noEndpoint_exposesTheEnvironment() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (String path : List.of(
                    "/actuator",
                    "/actuator/env",
                    "/actuator/configprops",
                    "/env",
                    "/.env",
                    "/application.properties",
                    "/VAADIN/../.env")) {
                HttpResponse<String> response =
                        http.send(HttpRequest.newBuilder(app.url(path)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.body()).as(path).doesNotContain(API_SECRET).doesNotContain("API_SECRET");
            }
        }
    }
}
