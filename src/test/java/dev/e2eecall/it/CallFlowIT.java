package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.e2eecall.it.OtDouble.addRemote;
import static dev.e2eecall.it.OtDouble.addRemoteScreen;
import static dev.e2eecall.it.OtDouble.addRemoteStream;
import static dev.e2eecall.it.OtDouble.callArguments;
import static dev.e2eecall.it.OtDouble.callNames;
import static dev.e2eecall.it.OtDouble.initSessionSecret;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
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
        Tab ada = participant("pair");
        Tab grace = participant("pair");
        ada.join("Ada", "pair-key-0001");
        grace.join("Grace", "pair-key-0001");

        // the double has no network: each side learns of the other's stream from the test
        addRemote(ada.page(), "grace-stream", "Grace");
        addRemote(grace.page(), "ada-stream", "Ada");

        assertThat(ada.call().ownTile().label()).hasText("You (Ada)");
        assertThat(ada.call().everyRemoteTile().label()).hasText("Grace");
        assertThat(grace.call().everyRemoteTile().label()).hasText("Ada");
        assertThat(ada.call().status()).hasText("Connected with 1 other person.");
        assertThat(standIn.createRequests()).hasSize(1);
        assertThat(initSessionSecret(ada.page())).isEqualTo("pair-key-0001");
    }

    @Test
    void keyMismatch_showsOverlayOnThatTile_andMatchRemovesIt() {
        Tab ada = participant("mismatch");
        ada.join("Ada", "mismatch-key-01");
        addRemote(ada.page(), "grace-stream", "Grace");
        Locator overlay = ada.call().remoteTileOf("grace-stream").mismatch();

        ada.page().evaluate("otDouble.mismatch('grace-stream')");
        assertThat(overlay).containsText("Encryption key mismatch");
        assertThat(overlay).containsText("ask them to check the key");

        ada.page().evaluate("otDouble.match('grace-stream')");
        assertThat(overlay).hasCount(0);
    }

    @Test
    void keyMismatchOnASharedScreen_showsOnTheScreen_andMatchRemovesIt() {
        Tab ada = participant("mismatch-screen");
        ada.join("Ada", "mismatch-key-02");
        addRemoteScreen(ada.page(), "grace-screen", "Grace");
        TilePage screen = ada.call().screenTileOf("grace-screen");
        assertThat(screen.tile()).isVisible();
        assertThat(screen.mismatch()).hasCount(0);

        ada.page().evaluate("otDouble.mismatch('grace-screen')");
        assertThat(screen.mismatch()).containsText("You cannot see Grace’s screen: ask them to check the key.");

        ada.page().evaluate("otDouble.match('grace-screen')");
        assertThat(screen.mismatch()).hasCount(0);
    }

    @Test
    void change_setsTheNewKeyOnTheSession_andClearsTheField() {
        Tab ada = participant("change");
        ada.join("Ada", "first-key-0001");
        CallPage call = ada.call();
        call.changeKey().click();

        call.newKey().fill("second-key-0002");
        call.change().click();

        assertThat(call.keyChangedNotice()).isVisible();
        // the panel closes after a change, and opens again empty
        assertThat(call.newKey()).isHidden();
        assertThat(callArguments(ada.page(), "setEncryptionSecret")).contains("second-key-0002");
        call.changeKey().click();
        assertThat(call.newKey()).hasValue("");

        call.newKey().fill("short");
        call.change().click();
        // under the field (its words are also announced once, from a live region)
        assertThat(call.newKeyField().error()).containsText("The encryption key must be 8 to 256 characters");
        assertThat(call.newKeyField().error()).isVisible();
        assertThat(callArguments(ada.page(), "setEncryptionSecret")).doesNotContain("short");
    }

    @Test
    void leave_disconnectsStopsCameraAndMicrophone_andBackToTheFormKeepsTheNameNotTheKey() {
        Tab ada = participant("leave");
        ada.join("Ada", "leave-key-00001");
        assertThat(trackStates(ada.page())).isNotEmpty().allMatch("live"::equals);

        ada.call().leave().click();
        assertThat(ada.left().heading()).isVisible();
        ada.left().backToForm().click();

        assertThat(ada.form().name()).isVisible();
        assertThat(ada.form().name()).hasValue("Ada");
        assertThat(ada.form().key()).hasValue("");
        assertThat(trackStates(ada.page())).isNotEmpty().allMatch("ended"::equals);
        assertThat(callNames(ada.page())).contains("disconnect");
        assertThat(ada.call().tiles()).hasCount(0);
    }

    @Test
    void enterKeyInTheKeyField_submitsTheForm() {
        Tab ada = participant("enter-key");
        ada.form().name().fill("Ada");
        ada.form().key().fill("enter-key-00001");
        ada.form().key().press("Enter");

        ada.awaitConnected();
    }

    @Test
    void removingTheElement_releasesCameraMicrophoneAndSession() {
        Tab ada = participant("removal");
        ada.join("Ada", "removal-key-001");
        assertThat(trackStates(ada.page())).isNotEmpty().allMatch("live"::equals);

        // what closing the tab or navigating away does to the element
        ada.call().element().evaluate("element => element.remove()");

        assertThat(trackStates(ada.page())).allMatch("ended"::equals);
        assertThat(callNames(ada.page())).contains("disconnect");
    }

    @Test
    void otherParticipantLeaving_removesTheirTile() {
        Tab ada = participant("departure");
        ada.join("Ada", "departure-key-1");
        addRemote(ada.page(), "grace-stream", "Grace");
        assertThat(ada.call().remoteTiles()).hasCount(1);

        ada.page().evaluate("otDouble.removeRemoteStream('grace-stream')");

        assertThat(ada.call().remoteTiles()).hasCount(0);
        assertThat(ada.call().status()).hasText("Connected. Waiting for others to join.");
    }

    @Test
    void toggles_muteMicrophoneAndStopCamera() {
        Tab ada = participant("toggles");
        ada.join("Ada", "toggles-key-001");

        ada.call().microphoneOn().click();
        ada.call().cameraOn().click();

        assertThat(ada.call().microphoneOff()).hasAttribute("aria-pressed", "false");
        assertThat(ada.call().ownTile().mediaState()).hasText("Microphone and camera off");
        assertThat(callArguments(ada.page(), "publishAudio")).contains("false");
        assertThat(callArguments(ada.page(), "publishVideo")).contains("false");
    }

    @Test
    void networkDrop_showsTheReasonAndOffersRejoin() {
        Tab ada = participant("network");
        ada.join("Ada", "network-key-001");

        ada.page().evaluate("otDouble.dropNetwork()");

        assertThat(ada.call().status()).hasText("Disconnected: the network connection was lost.");
        ada.left().rejoin().click();
        ada.awaitConnected();
    }

    @Test
    void markupInAName_isShownAsText() {
        String name = "<img src=x onerror=alert(1)>";
        Tab ada = participant("markup");
        Tab grace = participant("markup");
        List<String> dialogs = new ArrayList<>();
        ada.page().onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        grace.join(name, "markup-key-0001");
        ada.join("Ada", "markup-key-0001");

        addRemote(ada.page(), "stream-x", name);

        assertThat(ada.call().everyRemoteTile().label()).hasText(name);
        assertThat(grace.call().ownTile().label()).hasText("You (" + name + ")");
        assertThat(ada.call().imagesInTiles()).hasCount(0);
        assertThat(grace.call().imagesInTiles()).hasCount(0);
        assertThat(dialogs).isEmpty();
    }

    @Test
    void remoteName_comesFromTheTokensConnectionData_notFromTheStreamsOwnName() {
        Tab ada = participant("names");
        ada.join("Ada", "names-key-0001");
        ada.call().element().evaluate("""
                element => {
                  window.joinedNames = {};
                  element.addEventListener('e2ee-call-participant-joined',
                      event => window.joinedNames[event.detail.id] = event.detail.name);
                }""");

        Map<String, String> connectionData = new LinkedHashMap<>();
        connectionData.put("signed", "{\"name\":\"Grace\"}");
        connectionData.put("not-json", "Grace");
        connectionData.put("no-name", "{\"role\":\"publisher\"}");
        connectionData.put("number-name", "{\"name\":42}");
        connectionData.put("blank-name", "{\"name\":\"   \"}");
        connectionData.put("empty", "");
        connectionData.forEach((streamId, data) -> addRemoteStream(
                ada.page(), Map.of("streamId", streamId, "name", "Mallory, the admin", "connectionData", data)));

        assertThat(ada.call().remoteTiles()).hasCount(connectionData.size());
        Map<String, String> expected = new LinkedHashMap<>();
        connectionData.keySet().forEach(streamId -> expected.put(streamId, "Guest"));
        expected.put("signed", "Grace");
        expected.forEach((streamId, name) ->
                assertThat(ada.call().remoteTileOf(streamId).label()).hasText(name));
        assertThat((Map<?, ?>) ada.page().evaluate("window.joinedNames")).isEqualTo(expected);
        assertThat(ada.call().remoteTile("Mallory").tile()).hasCount(0);
    }

    @SuppressWarnings("unchecked")
    private static List<String> trackStates(Page page) {
        return (List<String>) page.evaluate("otDouble.publisherTracks().map(track => track.readyState)");
    }
}
