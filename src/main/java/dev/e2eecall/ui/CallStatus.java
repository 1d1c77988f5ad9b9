package dev.e2eecall.ui;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the page is in a call and what it says about it: who else is there, whose key differs,
 * and the sentences for each state. Plain Java, so the wording is tested without a UI.
 */
final class CallStatus {

    /** Where the page is: errors mean different things while joining and during the call. */
    enum Stage { FORM, CONNECTING, IN_CALL, DISCONNECTED }

    static final String CONNECTING = "Connecting…";
    static final String RECONNECTING = "Connection lost, reconnecting…";
    static final String NETWORK_LOST = "Disconnected: the network connection was lost.";
    static final String REMOVED = "Disconnected: you were removed from the call.";
    static final String KEY_CHANGED = "Encryption key changed";

    private Stage stage = Stage.FORM;
    /** Other participants by id, in the order they came. */
    private final Map<String, String> participants = new LinkedHashMap<>();
    /** Participants whose media this browser cannot decrypt, by id. */
    private final Map<String, String> mismatched = new LinkedHashMap<>();

    Stage stage() {
        return stage;
    }

    /** A join was handed to the browser: nobody is known yet. */
    void connecting() {
        stage = Stage.CONNECTING;
        participants.clear();
        mismatched.clear();
    }

    void connected() {
        stage = Stage.IN_CALL;
    }

    void joined(String id, String name) {
        participants.put(id, name);
    }

    void left(String id) {
        participants.remove(id);
        mismatched.remove(id);
    }

    void keyMismatch(String id, String name) {
        mismatched.put(id, name);
    }

    void keyMatch(String id) {
        mismatched.remove(id);
    }

    void disconnected() {
        stage = Stage.DISCONNECTED;
        participants.clear();
    }

    /** Back on the form: the call is over. */
    void ended() {
        stage = Stage.FORM;
    }

    /** How many others are in the call, once connected. */
    String connectedText() {
        int others = participants.size();
        return others == 0 ? "Connected. Waiting for others to join."
                : "Connected with " + others + (others == 1 ? " other person" : " other people") + ".";
    }

    /** Who cannot be seen or heard because their key differs; empty when everyone's matches. */
    String mismatchText() {
        return mismatched.isEmpty() ? "" : "Encryption key mismatch with " + String.join(", ", mismatched.values());
    }

    static String microphoneText(boolean on) {
        return on ? "Microphone on" : "Microphone off";
    }

    static String cameraText(boolean on) {
        return on ? "Camera on" : "Camera off";
    }
}
