package dev.e2eecall.call;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An end-to-end-encrypted video call: a Java API over the {@code <e2ee-video-call>} element, which
 * runs the call in the browser (OpenTok.js, or peer-to-peer WebRTC for a local ticket).
 *
 * <p>The encryption key is read by the browser from an {@link EncryptionKeyField}; it never passes
 * through this class, and no event carries it. Media stays encrypted between browsers with that key.
 *
 * <p>Typical use: {@link #join} with a ticket from the server, listen for {@link CallConnectedEvent},
 * {@link ParticipantJoinedEvent} and {@link CallErrorEvent}, {@link #leave} to end. Listen for
 * {@link CallLeftEvent} to know when camera and microphone are released.
 */
@Tag("e2ee-video-call")
@NpmPackage(value = "@vonage/client-sdk-video", version = "2.35.2")
@JsModule("./call/e2ee-video-call.ts")
public class E2eeVideoCall extends Component implements HasSize {

    /** The page's end of the running call's signal channel, if its server asked for one; ended with the call. */
    private @Nullable PageSignalChannel signalChannel;
    /** Whether the running call connected: an error before that ends the join, one after it leaves the call on. */
    private boolean connected;

    /** A call that does not run yet: {@link #join} starts it. */
    public E2eeVideoCall() {
        // registered first, so the channel has ended when the page's own listeners hear the news
        addConnectedListener(event -> connected = true);
        addLeftListener(event -> {
            connected = false;
            endSignalChannel();
        });
        addDisconnectedListener(event -> {
            connected = false;
            endSignalChannel();
        });
        addErrorListener(event -> {
            if (!connected) {
                endSignalChannel();
            }
        });
        addDetachListener(event -> endSignalChannel());
    }

    /**
     * The ticket as the browser-side element reads it: one shape for both engines, in which an
     * engine's ticket leaves what it does not need as the element has always received it.
     */
    private record BrowserTicket(
            String engine,
            String apiKey,
            String sessionId,
            String token,
            String room,
            String name,
            List<CallTicket.IceServer> iceServers,
            String icePolicy) {}

    /**
     * Enters the call: the browser reads the key from {@code keyField}, refuses a key the field's rule
     * refuses (see {@link EncryptionKeyField#checkKey()}) with a {@link CallErrorEvent} and the message
     * under the field, and otherwise connects and publishes camera and microphone. Ends in a
     * {@link CallConnectedEvent} or a {@link CallErrorEvent}.
     */
    public void join(CallTicket ticket, EncryptionKeyField keyField) {
        connected = false;
        getElement().callJsFunction("join", browserTicket(ticket), keyField.getElement());
    }

    /**
     * Enters the call as {@link #join(CallTicket, EncryptionKeyField)} does, with the camera and
     * microphone chosen in {@code devices} (the browser's default ones where the person did not
     * check). A device the check found unusable is left out: the call then goes without it.
     */
    public void join(CallTicket ticket, EncryptionKeyField keyField, DeviceCheck devices) {
        connected = false;
        getElement().callJsFunction("join", browserTicket(ticket), keyField.getElement(), devices.getElement());
    }

    private static BrowserTicket browserTicket(CallTicket ticket) {
        String engine = ticket.engine().name().toLowerCase(Locale.ROOT);
        return switch (ticket) {
            case CallTicket.OpenTok openTok ->
                new BrowserTicket(
                        engine,
                        openTok.apiKey(),
                        openTok.sessionId(),
                        openTok.token(),
                        openTok.room(),
                        openTok.name(),
                        List.of(),
                        CallTicket.IcePolicy.ALL.name().toLowerCase(Locale.ROOT));
            // no API key; the room is the session
            case CallTicket.Local local ->
                new BrowserTicket(
                        engine,
                        "",
                        local.room(),
                        local.token(),
                        local.room(),
                        local.name(),
                        local.iceServers(),
                        local.icePolicy().name().toLowerCase(Locale.ROOT));
        };
    }

    /**
     * Shows or hides, inside the call, the lists of cameras, microphones and (where the browser can
     * choose one) speakers to switch to without leaving. A switch fires {@link DeviceChangedEvent};
     * a failed one a {@link CallErrorEvent}, the device in use staying on. Nothing outside a call.
     */
    public void setDevicesShown(boolean shown) {
        getElement().callJsFunction("setDevicesShown", shown);
    }

    /**
     * Switches the call's encryption to the key in {@code keyField}, without reconnecting, and empties
     * the field. Ends in a {@link KeyChangedEvent} or a {@link CallErrorEvent}. Participants who still
     * use the old key then see a key mismatch.
     */
    public void changeKey(EncryptionKeyField keyField) {
        getElement().callJsFunction("changeKey", keyField.getElement());
    }

    /**
     * Leaves the call: ends its signal channel at once, then the browser disconnects, releases camera
     * and microphone, and fires {@link CallLeftEvent}.
     */
    public void leave() {
        endSignalChannel();
        getElement().callJsFunction("leave");
    }

    /** Sends or mutes this participant's microphone; the choice also holds for the next join. Default: on. */
    public void setMicrophoneOn(boolean on) {
        getElement().callJsFunction("setMicrophoneOn", on);
    }

    /** Sends or stops this participant's camera; the choice also holds for the next join. Default: on. */
    public void setCameraOn(boolean on) {
        getElement().callJsFunction("setCameraOn", on);
    }

    /**
     * Starts or stops sharing this participant's screen with everyone in the call, encrypted like the
     * camera. Starting asks the browser, which lets the person choose a screen, window or tab (or
     * cancel); ends in a {@link ScreenShareStartedEvent} or a {@link CallErrorEvent}. Stopping, and the
     * browser's own "Stop sharing" control, end in a {@link ScreenShareStoppedEvent}. Only during a call.
     */
    public void setScreenSharing(boolean on) {
        getElement().callJsFunction("setScreenSharing", on);
    }

    /**
     * Whether this browser can share its screen in the running call (the display capture API; for
     * OpenTok, {@code OT.checkScreenSharingCapability}); {@code false} when no call runs.
     */
    public CompletableFuture<Boolean> checkScreenSharing() {
        return getElement().callJsFunction("checkScreenSharing").toCompletableFuture(Boolean.class);
    }

    /** A device a call can go without: the camera or the microphone. */
    public enum Device {
        CAMERA,
        MICROPHONE
    }

    /**
     * Asks the browser again for a device the running call went without (a new permission request
     * where the browser makes one). Completes with whether it can be had now; join again to use it.
     * When it cannot, the call's notice says why.
     */
    public CompletableFuture<Boolean> retryDevice(Device device) {
        return getElement()
                .callJsFunction("retryDevice", device == Device.CAMERA ? "camera" : "microphone")
                .toCompletableFuture(Boolean.class);
    }

    /**
     * Whether this browser can run end-to-end-encrypted calls (WebRTC, Web Crypto, encoded
     * transforms and workers), checked without loading the video library.
     */
    public CompletableFuture<Boolean> checkSupport() {
        return getElement().callJsFunction("checkSupport").toCompletableFuture(Boolean.class);
    }

    /**
     * Hands a signalling message from the server to the browser's peer-to-peer engine (local
     * tickets only). Messages carry session descriptions and network candidates, never keys.
     */
    public void deliverSignal(JsonNode message) {
        getElement().callJsFunction("receiveSignal", message);
    }

    /**
     * This call's end of a {@link SignalChannel} for the next join, for a server that relays its
     * signalling (local tickets). While the channel is open, the page keeps a push connection so that
     * messages reach it unasked; a page with no open channel keeps none. The call owns the channel:
     * it ends it when the call is left, disconnects or fails before it connected, or leaves the page,
     * and a new channel ends the one before. The call must be in a page.
     */
    public SignalChannel signalChannel() {
        UI ui = getUI().orElseThrow(() -> new IllegalStateException("the call element is not in a page"));
        endSignalChannel();
        PageSignalChannel channel = new PageSignalChannel(ui, this);
        signalChannel = channel;
        return channel;
    }

    private void endSignalChannel() {
        PageSignalChannel channel = signalChannel;
        signalChannel = null;
        if (channel != null) {
            channel.end();
        }
    }

    /** @see SignalEvent */
    public Registration addSignalListener(ComponentEventListener<SignalEvent> listener) {
        return addListener(SignalEvent.class, listener);
    }

    /** @see CallConnectedEvent */
    public Registration addConnectedListener(ComponentEventListener<CallConnectedEvent> listener) {
        return addListener(CallConnectedEvent.class, listener);
    }

    /** @see ParticipantJoinedEvent */
    public Registration addParticipantJoinedListener(ComponentEventListener<ParticipantJoinedEvent> listener) {
        return addListener(ParticipantJoinedEvent.class, listener);
    }

    /** @see ParticipantLeftEvent */
    public Registration addParticipantLeftListener(ComponentEventListener<ParticipantLeftEvent> listener) {
        return addListener(ParticipantLeftEvent.class, listener);
    }

    /** @see KeyMismatchEvent */
    public Registration addKeyMismatchListener(ComponentEventListener<KeyMismatchEvent> listener) {
        return addListener(KeyMismatchEvent.class, listener);
    }

    /** @see KeyMatchEvent */
    public Registration addKeyMatchListener(ComponentEventListener<KeyMatchEvent> listener) {
        return addListener(KeyMatchEvent.class, listener);
    }

    /** @see KeyChangedEvent */
    public Registration addKeyChangedListener(ComponentEventListener<KeyChangedEvent> listener) {
        return addListener(KeyChangedEvent.class, listener);
    }

    /** @see ReconnectingEvent */
    public Registration addReconnectingListener(ComponentEventListener<ReconnectingEvent> listener) {
        return addListener(ReconnectingEvent.class, listener);
    }

    /** @see ReconnectedEvent */
    public Registration addReconnectedListener(ComponentEventListener<ReconnectedEvent> listener) {
        return addListener(ReconnectedEvent.class, listener);
    }

    /** @see CallDisconnectedEvent */
    public Registration addDisconnectedListener(ComponentEventListener<CallDisconnectedEvent> listener) {
        return addListener(CallDisconnectedEvent.class, listener);
    }

    /** @see CallErrorEvent */
    public Registration addErrorListener(ComponentEventListener<CallErrorEvent> listener) {
        return addListener(CallErrorEvent.class, listener);
    }

    /** @see ScreenShareStartedEvent */
    public Registration addScreenShareStartedListener(ComponentEventListener<ScreenShareStartedEvent> listener) {
        return addListener(ScreenShareStartedEvent.class, listener);
    }

    /** @see ScreenShareStoppedEvent */
    public Registration addScreenShareStoppedListener(ComponentEventListener<ScreenShareStoppedEvent> listener) {
        return addListener(ScreenShareStoppedEvent.class, listener);
    }

    /** @see CallLeftEvent */
    public Registration addDeviceChangedListener(ComponentEventListener<DeviceChangedEvent> listener) {
        return addListener(DeviceChangedEvent.class, listener);
    }

    public Registration addLeftListener(ComponentEventListener<CallLeftEvent> listener) {
        return addListener(CallLeftEvent.class, listener);
    }
}
