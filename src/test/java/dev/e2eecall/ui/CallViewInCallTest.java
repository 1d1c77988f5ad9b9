package dev.e2eecall.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import dev.e2eecall.call.CallConnectedEvent;
import dev.e2eecall.call.CallDisconnectedEvent;
import dev.e2eecall.call.CallErrorEvent;
import dev.e2eecall.call.CallLeftEvent;
import dev.e2eecall.call.KeyChangedEvent;
import dev.e2eecall.call.KeyMatchEvent;
import dev.e2eecall.call.KeyMismatchEvent;
import dev.e2eecall.call.ParticipantJoinedEvent;
import dev.e2eecall.call.ParticipantLeftEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The call page once the element joins: what the call's events show, its controls, and the ways out of it. */
class CallViewInCallTest extends CallViewScenario {

    @Test
    void newKeyRefused_showsTheBrowsersMessage_andChangesNothing() {
        joinedCall();
        fire(new CallConnectedEvent(call, true, true, true));

        test(button("Change")).click();
        answerKeyCheck(BrowserKeyCheck.refused("The browser's sentence about the new key"));

        List<PendingJavaScriptInvocation> refusal = pending();
        assertThat(callsOn(refusal, keyField("New encryption key"), "showError"))
                .containsExactly(List.of("The browser's sentence about the new key"));
        assertThat(callsOn(refusal, call, "changeKey")).isEmpty();

        test(button("Change")).click();
        answerKeyCheck(BrowserKeyCheck.accepted());

        assertThat(callsOn(pending(), call, "changeKey"))
                .singleElement()
                .satisfies(arguments -> assertThat(arguments.get(0))
                        .isSameAs(keyField("New encryption key").getElement()));
    }

    @Test
    void noCamera_itsToggleAsksAgain_andDevicesOpenInTheCall() {
        joinedCall();
        assertThat(find(Button.class).withText("Devices").all())
                .as("devices, before the call runs")
                .isEmpty();
        fire(new CallConnectedEvent(call, true, true, false));

        assertThat(button("No camera").getElement().getAttribute("aria-pressed"))
                .isEqualTo("false");
        test(button("No camera")).click();
        assertThat(callsOn(pending(), call, "retryDevice")).containsExactly(List.of("camera"));
        assertThat(button("Microphone on").isEnabled()).isTrue();

        test(button("Devices")).click();
        assertThat(callsOn(pending(), call, "setDevicesShown")).containsExactly(List.of(true));
        assertThat(button("Devices").getElement().getAttribute("aria-expanded")).isEqualTo("true");
        test(button("Devices")).click();
        assertThat(callsOn(pending(), call, "setDevicesShown")).containsExactly(List.of(false));
    }

    @Test
    void callEvents_updateStatusAndParticipantCount() {
        joinedCall();

        fire(new CallConnectedEvent(call, true, true, true));
        assertThat(status()).isEqualTo("Connected. Waiting for others to join.");

        fire(new ParticipantJoinedEvent(call, true, "s1", "Grace"));
        fire(new ParticipantJoinedEvent(call, true, "s2", "<img src=x onerror=alert(1)>"));
        assertThat(status()).isEqualTo("Connected with 2 other people.");

        fire(new KeyMismatchEvent(call, true, "s1", "Grace"));
        fire(new KeyMismatchEvent(call, true, "s2", "<img src=x onerror=alert(1)>"));
        assertThat(status()).isEqualTo("Your key differs from everyone else's: you cannot see or hear anyone.");
        fire(new KeyMatchEvent(call, true, "s2", "<img src=x onerror=alert(1)>"));
        assertThat(status())
                .isEqualTo(
                        "Connected with 2 other people; your key differs from Grace's: you cannot see or hear them.");

        fire(new KeyChangedEvent(call, true));
        assertThat(notices()).containsExactly("Encryption key changed");

        fire(new ParticipantLeftEvent(call, true, "s1", "Grace"));
        assertThat(status()).isEqualTo("Connected with 1 other person.");
    }

    @Test
    void errorWhileJoining_returnsToTheFormWithTheMessage() {
        joinedCall();

        fire(new CallErrorEvent(
                call,
                true,
                "OT_CONNECT_FAILED",
                "Could not reach the video service. Check your internet connection and try again."));

        assertThat(isCallShown()).isFalse();
        assertThat(formError()).startsWith("Could not reach the video service.");
        assertThat(button("Enter").isEnabled()).isTrue();
    }

    @Test
    void networkDisconnect_offersRejoin() {
        joinedCall();
        fire(new CallConnectedEvent(call, true, true, true));

        fire(new CallDisconnectedEvent(call, true, "networkDisconnected"));

        assertThat(status()).isEqualTo("Disconnected: the network connection was lost.");
        assertThat(find(Button.class)
                        .withText("Rejoin")
                        .withCondition(Component::isVisible)
                        .all())
                .anyMatch(rejoin -> rejoin.getParent().orElseThrow() instanceof CallControls);
    }

    @Test
    void leaving_saysSo_rejoinJoinsAgain_backForgetsTheKey() {
        joinedCall();
        fire(new CallConnectedEvent(call, true, true, true));

        test(button("Leave")).click();
        assertThat(pendingBrowserCalls()).anyMatch(expression -> expression.contains("leave"));
        fire(new CallLeftEvent(call, true));

        assertThat(isCallShown()).isFalse();
        LeftScreen left = find(LeftScreen.class).single();
        assertThat(CallView.isRevealed(left)).isTrue();
        assertThat(CallView.isRevealed(nameField().getParent().orElseThrow())).isFalse();
        assertThat(pendingBrowserCalls()).noneMatch(expression -> expression.contains("clear"));

        test(find(Button.class)
                        .withText("Rejoin")
                        .withCondition(button ->
                                button.getParent().orElseThrow().getParent().orElseThrow() == left)
                        .single())
                .click();
        answerKeyCheck(BrowserKeyCheck.accepted());
        assertThat(isCallShown()).isTrue();

        fire(new CallLeftEvent(call, true));
        test(button("Back to the form")).click();
        assertThat(CallView.isRevealed(left)).isFalse();
        assertThat(nameField().getValue()).isEqualTo("Ada");
        assertThat(callsOn(pending(), keyField("Encryption key"), "clear")).hasSize(1);
    }

    @Test
    void toggles_showTheirState() {
        joinedCall();

        test(button("Microphone on")).click();
        assertThat(button("Microphone off").getElement().getAttribute("aria-pressed"))
                .isEqualTo("false");
        test(button("Camera on")).click();
        assertThat(button("Camera off").getElement().getAttribute("aria-pressed"))
                .isEqualTo("false");
    }

    @Test
    void shortcuts_toggleMicrophoneAndCamera_onlyWhileTheCallShows() {
        fireShortcut(Key.KEY_D, KeyModifier.CONTROL);
        assertThat(pendingBrowserCalls()).noneMatch(expression -> expression.contains("setMicrophoneOn"));

        joinedCall();
        fireShortcut(Key.KEY_D, KeyModifier.CONTROL);
        fireShortcut(Key.KEY_E, KeyModifier.CONTROL);

        assertThat(button("Microphone off").getElement().getAttribute("aria-pressed"))
                .isEqualTo("false");
        assertThat(button("Camera off").getElement().getAttribute("aria-pressed"))
                .isEqualTo("false");
        assertThat(button("Microphone off").getElement().getAttribute("title")).endsWith("(Ctrl+D)");
        assertThat(callsOn(pending(), call, "setMicrophoneOn")).containsExactly(List.of(false));
    }

    @Test
    void keyChange_opensAndClosesFromTheControlBar() {
        joinedCall();
        Component keyRow = keyField("New encryption key").getParent().orElseThrow();
        assertThat(CallView.isRevealed(keyRow)).isFalse();

        test(button("Change key")).click();
        assertThat(CallView.isRevealed(keyRow)).isTrue();
        assertThat(button("Change key").getElement().getAttribute("aria-expanded"))
                .isEqualTo("true");

        test(button("Change key")).click();
        assertThat(CallView.isRevealed(keyRow)).isFalse();
    }
}
