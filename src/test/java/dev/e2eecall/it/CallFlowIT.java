package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole call flow in the packaged app, with the test double of OpenTok.js served in place of
 * the bundled library chunk: the element, the Java view and the events between them are real.
 */
class CallFlowIT extends DoubleCallTest {

    @Test
    void twoParticipants_seeEachOthersTilesWithNames() {
        Page ada = participant("pair");
        Page grace = participant("pair");
        join(ada, "Ada", "pair-key-0001");
        join(grace, "Grace", "pair-key-0001");

        // the double has no network: each side learns of the other's stream from the test
        addRemote(ada, "grace-stream", "Grace");
        addRemote(grace, "ada-stream", "Ada");

        assertThat(ada.locator(".tile.own .label")).hasText("You (Ada)");
        assertThat(ada.locator(".tile.remote .label")).hasText("Grace");
        assertThat(grace.locator(".tile.remote .label")).hasText("Ada");
        assertThat(ada.getByText("Connected with 1 other person.")).isVisible();
        assertThat(standIn.createRequests()).hasSize(1);
        assertThat(initSessionSecret(ada)).isEqualTo("pair-key-0001");
    }

    @Test
    void keyMismatch_showsOverlayOnThatTile_andMatchRemovesIt() {
        Page ada = participant("mismatch");
        join(ada, "Ada", "mismatch-key-01");
        addRemote(ada, "grace-stream", "Grace");
        Locator overlay = ada.locator(".tile.remote[data-participant-id=grace-stream] .mismatch");

        ada.evaluate("otDouble.mismatch('grace-stream')");
        assertThat(overlay).containsText("Encryption key mismatch");
        assertThat(overlay).containsText("ask them to check the key");

        ada.evaluate("otDouble.match('grace-stream')");
        assertThat(overlay).hasCount(0);
    }

    @Test
    void keyMismatchOnASharedScreen_showsOnTheScreen_andMatchRemovesIt() {
        Page ada = participant("mismatch-screen");
        join(ada, "Ada", "mismatch-key-02");
        ada.evaluate(
                "spec => otDouble.addRemoteStream(spec)",
                Map.of("streamId", "grace-screen", "videoType", "screen", "connectionData", "{\"name\":\"Grace\"}"));
        Locator overlay = ada.locator(".tile.screen[data-participant-id=grace-screen] .mismatch");
        assertThat(ada.locator(".tile.screen[data-participant-id=grace-screen]"))
                .isVisible();
        assertThat(overlay).hasCount(0);

        ada.evaluate("otDouble.mismatch('grace-screen')");
        assertThat(overlay).containsText("You cannot see Grace’s screen: ask them to check the key.");

        ada.evaluate("otDouble.match('grace-screen')");
        assertThat(overlay).hasCount(0);
    }

    @Test
    void change_setsTheNewKeyOnTheSession_andClearsTheField() {
        Page ada = participant("change");
        join(ada, "Ada", "first-key-0001");
        button(ada, "Change key").click();

        keyField(ada, "New encryption key").fill("second-key-0002");
        button(ada, "Change").click();

        assertThat(ada.getByText("Encryption key changed")).isVisible();
        // the panel closes after a change, and opens again empty
        assertThat(keyField(ada, "New encryption key")).isHidden();
        assertThat(callArguments(ada, "setEncryptionSecret")).contains("second-key-0002");
        button(ada, "Change key").click();
        assertThat(keyField(ada, "New encryption key")).hasValue("");

        keyField(ada, "New encryption key").fill("short");
        button(ada, "Change").click();
        // under the field (its words are also announced once, from a live region)
        assertThat(ada.locator("[slot='error-message']").getByText("The encryption key must be 8 to 256 characters"))
                .isVisible();
        assertThat(callArguments(ada, "setEncryptionSecret")).doesNotContain("short");
    }

    @Test
    void leave_disconnectsStopsCameraAndMicrophone_andBackToTheFormKeepsTheNameNotTheKey() {
        Page ada = participant("leave");
        join(ada, "Ada", "leave-key-00001");
        assertThat(trackStates(ada)).isNotEmpty().allMatch("live"::equals);

        button(ada, "Leave").click();
        assertThat(ada.getByText("You left the call")).isVisible();
        button(ada, "Back to the form").click();

        assertThat(nameField(ada)).isVisible();
        assertThat(nameField(ada)).hasValue("Ada");
        assertThat(keyField(ada, "Encryption key")).hasValue("");
        assertThat(trackStates(ada)).isNotEmpty().allMatch("ended"::equals);
        assertThat(callNames(ada)).contains("disconnect");
        assertThat(ada.locator(".tile")).hasCount(0);
    }

    @Test
    void enterKeyInTheKeyField_submitsTheForm() {
        Page ada = participant("enter-key");
        nameField(ada).fill("Ada");
        keyField(ada, "Encryption key").fill("enter-key-00001");
        keyField(ada, "Encryption key").press("Enter");

        assertThat(ada.getByText("Connected.")).isVisible();
    }

    @Test
    void removingTheElement_releasesCameraMicrophoneAndSession() {
        Page ada = participant("removal");
        join(ada, "Ada", "removal-key-001");
        assertThat(trackStates(ada)).isNotEmpty().allMatch("live"::equals);

        // what closing the tab or navigating away does to the element
        ada.evaluate("document.querySelector('e2ee-video-call').remove()");

        assertThat(trackStates(ada)).allMatch("ended"::equals);
        assertThat(callNames(ada)).contains("disconnect");
    }

    @Test
    void otherParticipantLeaving_removesTheirTile() {
        Page ada = participant("departure");
        join(ada, "Ada", "departure-key-1");
        addRemote(ada, "grace-stream", "Grace");
        assertThat(ada.locator(".tile.remote")).hasCount(1);

        ada.evaluate("otDouble.removeRemoteStream('grace-stream')");

        assertThat(ada.locator(".tile.remote")).hasCount(0);
        assertThat(ada.getByText("Connected. Waiting for others to join.")).isVisible();
    }

    @Test
    void toggles_muteMicrophoneAndStopCamera() {
        Page ada = participant("toggles");
        join(ada, "Ada", "toggles-key-001");

        button(ada, "Microphone on").click();
        button(ada, "Camera on").click();

        assertThat(button(ada, "Microphone off")).hasAttribute("aria-pressed", "false");
        assertThat(ada.locator(".tile.own .media-state")).hasText("Microphone and camera off");
        assertThat(callArguments(ada, "publishAudio")).contains("false");
        assertThat(callArguments(ada, "publishVideo")).contains("false");
    }

    @Test
    void networkDrop_showsTheReasonAndOffersRejoin() {
        Page ada = participant("network");
        join(ada, "Ada", "network-key-001");

        ada.evaluate("otDouble.dropNetwork()");

        assertThat(ada.getByText("Disconnected: the network connection was lost."))
                .isVisible();
        button(ada, "Rejoin").click();
        assertThat(ada.getByText("Connected.")).isVisible();
    }

    @Test
    void markupInAName_isShownAsText() {
        String name = "<img src=x onerror=alert(1)>";
        Page ada = participant("markup");
        Page grace = participant("markup");
        List<String> dialogs = new ArrayList<>();
        ada.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        join(grace, name, "markup-key-0001");
        join(ada, "Ada", "markup-key-0001");

        addRemote(ada, "stream-x", name);

        assertThat(ada.locator(".tile.remote .label")).hasText(name);
        assertThat(grace.locator(".tile.own .label")).hasText("You (" + name + ")");
        assertThat(ada.locator(".tile img")).hasCount(0);
        assertThat(grace.locator(".tile img")).hasCount(0);
        assertThat(dialogs).isEmpty();
    }

    @Test
    void keys_neverLeaveTheBrowser_acrossJoinThreeChangesAndLeave() {
        Page ada = participant("secrecy");
        Traffic traffic = Traffic.capture(ada);
        String name = "Ada Lovelace-Ω";
        // non-ASCII keys too: their UTF-8 bytes are what percent, base64 and hex encode
        List<String> keys = List.of("secrecyFirstKey1", "Schlüssel-é-李-🔑-2", "secrecyThirdKey3", "ключ-ü-🗝️-four-4");

        join(ada, name, keys.get(0));
        for (String newKey : keys.subList(1, keys.size())) {
            // the panel closes after each change
            button(ada, "Change key").click();
            keyField(ada, "New encryption key").fill(newKey);
            button(ada, "Change").click();
            assertThat(ada.getByText("Encryption key changed")).isVisible();
            assertThat(callArguments(ada, "setEncryptionSecret")).contains(newKey);
            ada.getByText("Encryption key changed").evaluate("status => status.textContent = ''");
        }
        button(ada, "Leave").click();
        assertThat(ada.getByText("You left the call")).isVisible();
        button(ada, "Back to the form").click();
        assertThat(nameField(ada)).isVisible();

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
        Page ada = participant("key-paths");
        List<String> keys = List.of("keyPathsFirst-1", "Schlüssel-é-李-🔑-2");
        join(ada, "Ada", keys.get(0));
        addRemote(ada, "grace-stream", "Grace");
        ada.evaluate("otDouble.mismatch('grace-stream')");
        button(ada, "Microphone on").click();
        button(ada, "Change key").click();
        keyField(ada, "New encryption key").fill(keys.get(1));
        button(ada, "Change").click();
        assertThat(ada.getByText("Encryption key changed")).isVisible();
        button(ada, "Leave").click();
        assertThat(ada.getByText("You left the call")).isVisible();

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> calls = (List<Map<String, Object>>) ada.evaluate("""
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
    void remoteName_comesFromTheTokensConnectionData_notFromTheStreamsOwnName() {
        Page ada = participant("names");
        join(ada, "Ada", "names-key-0001");
        ada.evaluate("""
                window.joinedNames = {};
                document.querySelector('e2ee-video-call').addEventListener('e2ee-call-participant-joined',
                    event => window.joinedNames[event.detail.id] = event.detail.name)""");

        Map<String, String> connectionData = new LinkedHashMap<>();
        connectionData.put("signed", "{\"name\":\"Grace\"}");
        connectionData.put("not-json", "Grace");
        connectionData.put("no-name", "{\"role\":\"publisher\"}");
        connectionData.put("number-name", "{\"name\":42}");
        connectionData.put("blank-name", "{\"name\":\"   \"}");
        connectionData.put("empty", "");
        connectionData.forEach((streamId, data) -> ada.evaluate(
                "spec => otDouble.addRemoteStream(spec)",
                Map.of("streamId", streamId, "name", "Mallory, the admin", "connectionData", data)));

        assertThat(ada.locator(".tile.remote")).hasCount(connectionData.size());
        Map<String, String> expected = new LinkedHashMap<>();
        connectionData.keySet().forEach(streamId -> expected.put(streamId, "Guest"));
        expected.put("signed", "Grace");
        expected.forEach(
                (streamId, name) -> assertThat(ada.locator(".tile.remote[data-participant-id=" + streamId + "] .label"))
                        .hasText(name));
        assertThat((Map<?, ?>) ada.evaluate("window.joinedNames")).isEqualTo(expected);
        assertThat(ada.locator(".tile.remote").filter(new Locator.FilterOptions().setHasText("Mallory")))
                .hasCount(0);
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

    private static String initSessionSecret(Page page) {
        return (String)
                page.evaluate("otDouble.calls.find(call => call.method === 'initSession').args[2].encryptionSecret");
    }

    @SuppressWarnings("unchecked")
    private static List<String> trackStates(Page page) {
        return (List<String>) page.evaluate("otDouble.publisherTracks().map(track => track.readyState)");
    }
}
