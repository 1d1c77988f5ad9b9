package dev.e2eecall.embed;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import java.util.Locale;
import java.util.Optional;

/**
 * Fires when the framing page asks the call to leave, or to turn the microphone or camera on or
 * off, so that the page runs it as its own buttons do. A new key never comes this way: it goes
 * from the framing page straight to the call element in the browser.
 */
@DomEvent("e2ee-embed-command")
public class HostCommandEvent extends ComponentEvent<EmbedFrame> {

    /** What the framing page asked for. */
    public enum Command {
        LEAVE,
        MICROPHONE,
        CAMERA
    }

    private final String command;
    private final boolean on;

    public HostCommandEvent(
            EmbedFrame source,
            boolean fromClient,
            @EventData("event.detail.command") String command,
            @EventData("event.detail.on") boolean on) {
        super(source, fromClient);
        this.command = command;
        this.on = on;
    }

    /** The command; empty for one this page does not know. */
    public Optional<Command> getCommand() {
        return switch (command.toLowerCase(Locale.ROOT)) {
            case "leave" -> Optional.of(Command.LEAVE);
            case "microphone" -> Optional.of(Command.MICROPHONE);
            case "camera" -> Optional.of(Command.CAMERA);
            default -> Optional.empty();
        };
    }

    /** For the microphone and the camera: whether to send it. */
    public boolean isOn() {
        return on;
    }
}
