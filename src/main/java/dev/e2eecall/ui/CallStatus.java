package dev.e2eecall.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the page is in a call and what it says about it: who else is there, whose key differs,
 * and the sentences for each state. Plain Java, so the wording is tested without a UI.
 */
final class CallStatus {

    /** Where the page is: errors mean different things while joining and during the call. */
    enum Stage {
        FORM,
        CONNECTING,
        IN_CALL,
        DISCONNECTED
    }

    static final String CONNECTING = "Connecting…";
    static final String RECONNECTING = "Connection lost, reconnecting…";
    static final String NETWORK_LOST = "Disconnected: the network connection was lost.";
    static final String REMOVED = "Disconnected: you were removed from the call.";
    static final String KEY_CHANGED = "Encryption key changed";
    static final String EVERYONE_DIFFERS = "Your key differs from everyone else's: you cannot see or hear anyone.";

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

    /**
     * The one sentence on the call's state once connected: how many others are in the call, and
     * whom this browser cannot see or hear because their key differs.
     */
    String connectedText() {
        int others = participants.size();
        if (others == 0) {
            return "Connected. Waiting for others to join.";
        }
        if (mismatched.size() >= others) {
            return EVERYONE_DIFFERS;
        }
        String connected = "Connected with " + others + (others == 1 ? " other person" : " other people");
        if (mismatched.isEmpty()) {
            return connected + ".";
        }
        return connected + "; your key differs from " + possessives(List.copyOf(mismatched.values()))
                + ": you cannot see or hear " + (mismatched.size() == 1 ? "them." : "those.");
    }

    /** "Ada's", "Ada's and Bob's", "Ada's, Bob's and Cy's". */
    private static String possessives(List<String> names) {
        List<String> owned = names.stream().map(name -> name + "'s").toList();
        if (owned.size() == 1) {
            return owned.getFirst();
        }
        return String.join(", ", owned.subList(0, owned.size() - 1)) + " and " + owned.getLast();
    }

    static String microphoneText(boolean on) {
        return on ? "Microphone on" : "Microphone off";
    }

    static String cameraText(boolean on) {
        return on ? "Camera on" : "Camera off";
    }
}
