package dev.e2eecall.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.shared.Registration;
import dev.e2eecall.call.CallDisconnectedEvent;
import dev.e2eecall.call.CallErrorEvent;
import dev.e2eecall.call.CallTicket;
import dev.e2eecall.call.E2eeVideoCall;
import dev.e2eecall.call.EncryptionKeyField;
import dev.e2eecall.join.CallProperties;
import dev.e2eecall.join.DisplayName;
import dev.e2eecall.join.JoinException;
import dev.e2eecall.join.JoinService;
import dev.e2eecall.join.Requester;
import dev.e2eecall.join.RoomName;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The call page: a form (name, encryption key, Enter), then the call with its controls. The key is
 * typed into an {@link EncryptionKeyField}, so it stays in the browser.
 */
@Route("room/:room")
@RouteAlias("")
@PageTitle("E2EE video call")
class CallView extends VerticalLayout implements BeforeEnterObserver {

    static final String KEY_HINT = "8-256 characters, shared with the people you call; it never leaves this browser";
    static final String KEY_LENGTH_MESSAGE = "The encryption key must be 8 to 256 characters, not only spaces";
    static final String UNSUPPORTED_MESSAGE =
            "This browser cannot do end-to-end encrypted calls; use a current Chrome, Edge or Safari";

    private final JoinService joinService;
    private final String defaultRoom;
    private final Requester requester = Requester.current();

    private final H1 roomTitle = new H1();
    private final Paragraph backendNote = new Paragraph();
    private final Paragraph notice = new Paragraph();

    private final VerticalLayout form = new VerticalLayout();
    private final TextField name = new TextField("Name");
    private final EncryptionKeyField key = new EncryptionKeyField("Encryption key");
    private final Button enter = new Button("Enter", event -> enter());
    private final KeyTools keyTools = new KeyTools();
    private final Button generateKey = new Button("Generate key", event -> keyTools.generateKey(key));
    private final Button copyInvite = new Button("Copy invite link", event -> copyInviteLink());
    private final Span inviteNote = new Span();
    private final Div formError = new Div();

    private final VerticalLayout callPanel = new VerticalLayout();
    private final Span status = new Span();
    final E2eeVideoCall call = new E2eeVideoCall();
    private final Button microphone = new Button();
    private final Button camera = new Button();
    private final EncryptionKeyField newKey = new EncryptionKeyField("New encryption key");
    private final Button change = new Button("Change", event -> changeKey());
    private final Button leave = new Button("Leave", event -> call.leave());
    private final Button rejoin = new Button("Rejoin", event -> enter());
    private final Span keyStatus = new Span();
    private final Span mismatchStatus = new Span();

    /** Where the page is: errors mean different things while joining and during the call. */
    private enum Stage { FORM, CONNECTING, IN_CALL, DISCONNECTED }

    private @Nullable RoomName room;
    private Stage stage = Stage.FORM;
    private boolean microphoneOn = true;
    private boolean cameraOn = true;
    private final Map<String, String> participants = new LinkedHashMap<>();
    /** Participants whose media this browser cannot decrypt, by id. */
    private final Map<String, String> mismatched = new LinkedHashMap<>();
    /** The server's part in the running call (local calls relay signalling); removed when the call ends. */
    private Registration callBinding = () -> { };

    CallView(JoinService joinService, CallProperties callProperties) {
        this.joinService = joinService;
        this.defaultRoom = callProperties.defaultRoom();
        setMaxWidth("72rem");
        getStyle().set("margin", "0 auto");

        backendNote.setText(joinService.backendDescription());
        backendNote.addClassName("backend-note");
        notice.addClassName("notice");
        notice.getElement().setAttribute("role", "alert");
        notice.setVisible(false);

        buildForm();
        buildCallPanel();
        add(roomTitle, backendNote, notice, form, callPanel);
        showForm();
    }

    private void buildForm() {
        name.setRequired(true);
        name.setMaxLength(DisplayName.MAX_LENGTH);
        name.setAutocomplete(Autocomplete.NICKNAME);
        name.setWidth("20rem");
        key.setHelperText(KEY_HINT);
        key.setWidth("20rem");
        enter.addThemeVariants(ButtonVariant.PRIMARY);
        // Enter in any field of the form submits it
        enter.addClickShortcut(Key.ENTER).listenOn(form);
        formError.addClassName("form-error");
        formError.getElement().setAttribute("role", "alert");
        generateKey.addThemeVariants(ButtonVariant.TERTIARY);
        copyInvite.addThemeVariants(ButtonVariant.TERTIARY);
        inviteNote.addClassName("invite-note");
        inviteNote.getElement().setAttribute("role", "status");
        form.setPadding(false);
        form.add(name, key, new HorizontalLayout(generateKey, copyInvite), inviteNote, enter, formError, keyTools);
    }

    private void buildCallPanel() {
        status.addClassName("call-status");
        status.getElement().setAttribute("role", "status");
        call.setWidthFull();
        microphone.addClickListener(event -> setMicrophoneOn(!microphoneOn));
        camera.addClickListener(event -> setCameraOn(!cameraOn));
        leave.addThemeVariants(ButtonVariant.ERROR);
        rejoin.addThemeVariants(ButtonVariant.PRIMARY);
        rejoin.setVisible(false);
        keyStatus.getElement().setAttribute("role", "status");
        keyStatus.addClassName("key-status");
        mismatchStatus.getElement().setAttribute("role", "status");
        mismatchStatus.addClassName("mismatch-status");
        HorizontalLayout controls = new HorizontalLayout(microphone, camera, leave, rejoin);
        HorizontalLayout keyChange = new HorizontalLayout(newKey, change, keyStatus);
        keyChange.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        callPanel.setPadding(false);
        callPanel.add(status, mismatchStatus, call, controls, keyChange);
        refreshToggles();

        call.addConnectedListener(event -> {
            stage = Stage.IN_CALL;
            rejoin.setVisible(false);
            showStatus();
        });
        call.addParticipantJoinedListener(event -> {
            participants.put(event.getParticipantId(), event.getParticipantName());
            showStatus();
        });
        call.addParticipantLeftListener(event -> {
            participants.remove(event.getParticipantId());
            mismatched.remove(event.getParticipantId());
            showMismatches();
            showStatus();
        });
        call.addKeyMismatchListener(event -> {
            mismatched.put(event.getParticipantId(), event.getParticipantName());
            showMismatches();
        });
        call.addKeyMatchListener(event -> {
            mismatched.remove(event.getParticipantId());
            showMismatches();
        });
        call.addKeyChangedListener(event -> keyStatus.setText("Encryption key changed"));
        call.addReconnectingListener(event -> status.setText("Connection lost, reconnecting…"));
        call.addReconnectedListener(event -> showStatus());
        call.addDisconnectedListener(this::disconnected);
        call.addErrorListener(this::failed);
        call.addLeftListener(event -> {
            callBinding.remove();
            key.clear();
            showForm();
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String requested = event.getRouteParameters().get("room").orElse(defaultRoom);
        if (stage != Stage.FORM) {
            // the same view serves every room: a call in the room being left ends here
            callBinding.remove();
            call.leave();
            key.clear();
            showForm();
        }
        try {
            room = RoomName.parse(requested);
            roomTitle.setText("Room " + room.value());
            reveal(form, true);
        } catch (JoinException e) {
            room = null;
            roomTitle.setText("No such room");
            showNotice(e.getMessage());
            reveal(form, false);
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        keyTools.fillFromInvite(key).thenAccept(filled -> {
            if (filled) {
                inviteNote.setText("Encryption key filled in from the invite link.");
            }
        });
        // the support check needs no video library, so it runs before anyone types
        call.checkSupport().thenAccept(supported -> {
            if (!supported) {
                showNotice(UNSUPPORTED_MESSAGE);
                reveal(form, false);
            }
        });
    }

    private void enter() {
        RoomName target = room;
        if (target == null) {
            return;
        }
        String problem = DisplayName.problemWith(name.getValue().strip());
        name.setInvalid(problem != null);
        name.setErrorMessage(problem);
        if (problem != null) {
            name.focus();
            return;
        }
        enter.setEnabled(false);
        rejoin.setEnabled(false);
        // the browser's answer arrives while the UI is locked, like any event from it
        key.checkLength().whenComplete((lengthOk, failure) -> joinWhenKeyFits(target, Boolean.TRUE.equals(lengthOk)));
    }

    private void joinWhenKeyFits(RoomName target, boolean keyLengthOk) {
        if (!keyLengthOk) {
            key.setErrorMessage(KEY_LENGTH_MESSAGE);
            key.focus();
            showForm();
            return;
        }
        key.setErrorMessage(null);
        CallTicket ticket;
        try {
            ticket = joinService.join(target.value(), name.getValue(), requester);
        } catch (JoinException e) {
            showForm();
            formError.setText(e.getMessage());
            return;
        }
        formError.setText("");
        participants.clear();
        mismatched.clear();
        showMismatches();
        keyStatus.setText("");
        reveal(form, false);
        reveal(callPanel, true);
        rejoin.setVisible(false);
        status.setText("Connecting…");
        stage = Stage.CONNECTING;
        callBinding.remove();
        callBinding = joinService.bind(ticket, call);
        call.join(ticket, key);
    }

    private void copyInviteLink() {
        RoomName target = room;
        if (target == null) {
            return;
        }
        keyTools.copyInviteLink(key, target.value()).thenAccept(outcome -> inviteNote.setText(switch (outcome) {
            case COPIED -> "Invite link copied. It holds the key: share it only with the people you call.";
            case NO_KEY -> "Type or generate an encryption key first.";
            case FAILED -> "The browser did not allow copying to the clipboard.";
        }));
    }

    private void changeKey() {
        keyStatus.setText("");
        newKey.checkLength().whenComplete((lengthOk, failure) -> {
            if (Boolean.TRUE.equals(lengthOk)) {
                newKey.setErrorMessage(null);
                call.changeKey(newKey);
            } else {
                newKey.setErrorMessage(KEY_LENGTH_MESSAGE);
            }
        });
    }

    private void disconnected(CallDisconnectedEvent event) {
        callBinding.remove();
        participants.clear();
        stage = Stage.DISCONNECTED;
        if (event.isNetworkDisconnect()) {
            status.setText("Disconnected: the network connection was lost.");
            rejoin.setEnabled(true);
            rejoin.setVisible(true);
        } else if ("forceDisconnected".equals(event.getReason())) {
            status.setText("Disconnected: you were removed from the call.");
        } else {
            showForm();
        }
    }

    private void failed(CallErrorEvent event) {
        if (stage == Stage.IN_CALL) {
            // the call goes on: a refused key change or a failed subscription
            keyStatus.setText(event.getMessage());
            return;
        }
        callBinding.remove();
        showForm();
        formError.setText(event.getMessage());
        if (event.isKeyError()) {
            key.setErrorMessage(event.getMessage());
        }
    }

    private void showMismatches() {
        mismatchStatus.setText(mismatched.isEmpty() ? ""
                : "Encryption key mismatch with " + String.join(", ", mismatched.values()));
    }

    private void showStatus() {
        int others = participants.size();
        status.setText(others == 0 ? "Connected. Waiting for others to join."
                : "Connected with " + others + (others == 1 ? " other person" : " other people") + ".");
    }

    private void showNotice(String message) {
        notice.setText(message);
        notice.setVisible(true);
    }

    private void showForm() {
        stage = Stage.FORM;
        reveal(callPanel, false);
        reveal(form, room != null);
        enter.setEnabled(true);
        rejoin.setEnabled(true);
    }

    /**
     * Shows or hides a panel with the {@code hidden} attribute rather than {@code setVisible}: an
     * invisible Vaadin component is detached from the browser, and the key fields and the call element
     * must stay there to be handed to the browser and run the call.
     */
    private static void reveal(Component panel, boolean shown) {
        panel.getElement().setAttribute("hidden", !shown);
    }

    /** Whether a panel shown by {@link #reveal} is showing. */
    static boolean isRevealed(Component panel) {
        return !panel.getElement().hasAttribute("hidden");
    }

    private void setMicrophoneOn(boolean on) {
        microphoneOn = on;
        call.setMicrophoneOn(on);
        refreshToggles();
    }

    private void setCameraOn(boolean on) {
        cameraOn = on;
        call.setCameraOn(on);
        refreshToggles();
    }

    private void refreshToggles() {
        microphone.setText(microphoneOn ? "Microphone on" : "Microphone off");
        microphone.getElement().setAttribute("aria-pressed", Boolean.toString(microphoneOn));
        camera.setText(cameraOn ? "Camera on" : "Camera off");
        camera.getElement().setAttribute("aria-pressed", Boolean.toString(cameraOn));
    }
}
