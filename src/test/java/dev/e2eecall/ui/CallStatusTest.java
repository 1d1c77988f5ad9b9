package dev.e2eecall.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallStatusTest {

    private final CallStatus status = new CallStatus();

    @Test
    void newStatus_isOnTheForm() {
        assertThat(status.stage()).isEqualTo(CallStatus.Stage.FORM);
    }

    @Test
    void connectedAlone_waitsForOthers() {
        status.connecting();
        status.connected();

        assertThat(status.stage()).isEqualTo(CallStatus.Stage.IN_CALL);
        assertThat(status.connectedText()).isEqualTo("Connected. Waiting for others to join.");
    }

    @Test
    void participants_areCountedInOneOrMany() {
        status.connected();
        status.joined("s1", "Grace");
        assertThat(status.connectedText()).isEqualTo("Connected with 1 other person.");

        status.joined("s2", "Linus");
        assertThat(status.connectedText()).isEqualTo("Connected with 2 other people.");

        status.joined("s2", "Linus");
        assertThat(status.connectedText()).as("the same participant twice").isEqualTo("Connected with 2 other people.");
    }

    @Test
    void mismatches_nameThePeopleInTheOrderTheyCame_andLeavingClearsThem() {
        status.joined("s1", "Grace");
        status.joined("s2", "<b>Linus</b>");
        status.keyMismatch("s2", "<b>Linus</b>");
        status.keyMismatch("s1", "Grace");
        status.joined("s3", "Ada");
        assertThat(status.connectedText())
                .isEqualTo(
                        "Connected with 3 other people; your key differs from <b>Linus</b>'s and Grace's: you cannot see or hear those.");

        status.keyMatch("s2");
        assertThat(status.connectedText())
                .isEqualTo(
                        "Connected with 3 other people; your key differs from Grace's: you cannot see or hear them.");

        status.left("s1");
        assertThat(status.connectedText()).isEqualTo("Connected with 2 other people.");
    }

    @Test
    void everyoneElsesKeyDiffering_isSaidAsTheOneState() {
        status.joined("s1", "Ada");
        status.joined("s2", "Bob");
        status.keyMismatch("s1", "Ada");
        status.keyMismatch("s2", "Bob");
        assertThat(status.connectedText())
                .isEqualTo("Your key differs from everyone else's: you cannot see or hear anyone.");
    }

    @Test
    void newJoin_forgetsThePreviousCall() {
        status.joined("s1", "Grace");
        status.keyMismatch("s1", "Grace");

        status.connecting();

        assertThat(status.stage()).isEqualTo(CallStatus.Stage.CONNECTING);
        assertThat(status.connectedText()).isEqualTo("Connected. Waiting for others to join.");
        status.joined("s1", "Grace");
        assertThat(status.connectedText())
                .as("the mismatch went with the call")
                .isEqualTo("Connected with 1 other person.");
    }

    @Test
    void disconnect_forgetsWhoWasThere_andEndingReturnsToTheForm() {
        status.connected();
        status.joined("s1", "Grace");

        status.disconnected();
        assertThat(status.stage()).isEqualTo(CallStatus.Stage.DISCONNECTED);
        assertThat(status.connectedText()).isEqualTo("Connected. Waiting for others to join.");

        status.ended();
        assertThat(status.stage()).isEqualTo(CallStatus.Stage.FORM);
    }

    @Test
    void toggles_sayWhatIsOn() {
        assertThat(CallStatus.microphoneText(true)).isEqualTo("Microphone on");
        assertThat(CallStatus.microphoneText(false)).isEqualTo("Microphone off");
        assertThat(CallStatus.cameraText(true)).isEqualTo("Camera on");
        assertThat(CallStatus.cameraText(false)).isEqualTo("Camera off");
    }
}
