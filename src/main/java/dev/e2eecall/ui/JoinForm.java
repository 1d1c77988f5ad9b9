package dev.e2eecall.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.TextField;
import dev.e2eecall.call.DeviceCheck;
import dev.e2eecall.call.EncryptionKeyField;
import dev.e2eecall.join.DisplayName;
import dev.e2eecall.join.RoomName;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The join form: name, encryption key with its tools (generate, invite link), the camera and
 * microphone check (opened only on request), Enter. It checks
 * what it can before anyone is asked for a ticket: the name here, the key in the browser.
 */
class JoinForm extends VerticalLayout {

    static final String WEAK_KEY_ADVICE = "Generate key makes a strong one.";
    static final String CHECK_DEVICES = "Check camera and microphone";
    static final String HIDE_DEVICE_CHECK = "Hide the camera and microphone check";
    static final String KEY_CHECK_FAILED = "The encryption key could not be checked. Reload the page and try again.";

    private final TextField name = new TextField("Name");
    private final EncryptionKeyField key = new EncryptionKeyField("Encryption key");
    private final Button enter = new Button("Enter", event -> submit());
    private final KeyTools keyTools = new KeyTools();
    private final Button generateKey = new Button("Generate key", event -> keyTools.generateKey(key));
    private final Button copyInvite = new Button("Copy invite link", event -> copyInviteLink());
    private final Span inviteNote = new Span();
    private final DeviceCheck deviceCheck = new DeviceCheck();
    private final Button checkDevices = new Button(CHECK_DEVICES, event -> toggleDeviceCheck());
    private boolean checkingDevices;
    private final Div formError = new Div();

    private final Consumer<String> onValidEntry;
    private final Runnable onKeyRefused;
    private @Nullable RoomName room;

    /**
     * @param onValidEntry gets the name once name and key passed the checks; the key stays in {@link #keyField()}
     * @param onKeyRefused runs when the browser refused the key
     */
    JoinForm(Consumer<String> onValidEntry, Runnable onKeyRefused) {
        this.onValidEntry = onValidEntry;
        this.onKeyRefused = onKeyRefused;
        name.setRequired(true);
        name.setMaxLength(DisplayName.MAX_LENGTH);
        name.setAutocomplete(Autocomplete.NICKNAME);
        name.setWidth("20rem");
        key.setWeakKeyAdvice(WEAK_KEY_ADVICE);
        key.setWidth("20rem");
        enter.addThemeVariants(ButtonVariant.PRIMARY);
        // Enter submits from the two fields only: on any other button it does that button's own action
        enter.addClickShortcut(Key.ENTER).listenOn(name, key);
        name.setAutofocus(true);
        formError.addClassName("form-error");
        formError.getElement().setAttribute("role", "alert");
        generateKey.addThemeVariants(ButtonVariant.TERTIARY);
        copyInvite.addThemeVariants(ButtonVariant.TERTIARY);
        inviteNote.addClassName("invite-note");
        inviteNote.getElement().setAttribute("role", "status");
        checkDevices.addThemeVariants(ButtonVariant.TERTIARY);
        checkDevices.getElement().setAttribute("aria-expanded", "false");
        setPadding(false);
        add(
                name,
                key,
                new HorizontalLayout(generateKey, copyInvite),
                inviteNote,
                checkDevices,
                deviceCheck,
                enter,
                formError,
                keyTools);
    }

    /** The room that invite links point to; none while the page's room is not valid. */
    void setRoom(@Nullable RoomName room) {
        this.room = room;
    }

    /** The field the key is typed into; its value stays in the browser. */
    EncryptionKeyField keyField() {
        return key;
    }

    /** The camera and microphone check, whose choice the call uses; empty until opened. */
    DeviceCheck deviceCheck() {
        return deviceCheck;
    }

    /**
     * Checks the name here and the key in the browser, then hands over to {@code onValidEntry}. Both
     * are checked every time, so that one submit names every problem.
     */
    void submit() {
        String problem = DisplayName.problemWith(name.getValue().strip());
        name.setInvalid(problem != null);
        name.setErrorMessage(problem);
        enter.setEnabled(false);
        // the browser's answer arrives while the UI is locked, like any event from it
        key.checkKey().whenComplete((check, failure) -> {
            boolean keyValid = failure == null && check.valid();
            key.setErrorMessage(keyValid ? null : failure == null ? check.message() : KEY_CHECK_FAILED);
            if (problem != null) {
                name.focus();
                ready();
            } else if (keyValid) {
                onValidEntry.accept(name.getValue());
            } else {
                key.focus();
                onKeyRefused.run();
            }
        });
    }

    /** The name typed, as the form holds it. */
    String name() {
        return name.getValue();
    }

    /** Fills in a name given by the framing page, and with {@code enter} submits the form as Enter does. */
    void fillIn(String givenName, boolean enter) {
        if (!givenName.isBlank()) {
            name.setValue(givenName);
        }
        if (enter) {
            submit();
        }
    }

    /** Ready for the next Enter. */
    void ready() {
        enter.setEnabled(true);
    }

    /** A message under the form about the last Enter, or none. */
    void showError(String message) {
        formError.setText(message);
    }

    /** A message under the key field, for errors about the key itself. */
    void showKeyError(String message) {
        key.setErrorMessage(message);
    }

    /** Empties the key field in the browser, as the call that used it is over. */
    void clearKey() {
        key.clear();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        keyTools.fillFromInvite(key).thenAccept(filled -> {
            if (filled) {
                inviteNote.setText("Encryption key filled in from the invite link.");
            }
        });
    }

    private void toggleDeviceCheck() {
        showDeviceCheck(!checkingDevices);
    }

    /** Opens or hides the check; hidden, it releases camera and microphone and keeps the choice. */
    void showDeviceCheck(boolean shown) {
        checkingDevices = shown;
        if (shown) {
            deviceCheck.open();
        } else {
            deviceCheck.close();
        }
        checkDevices.setText(shown ? HIDE_DEVICE_CHECK : CHECK_DEVICES);
        checkDevices.getElement().setAttribute("aria-expanded", Boolean.toString(shown));
    }

    private void copyInviteLink() {
        RoomName target = room;
        if (target == null) {
            return;
        }
        keyTools.copyInviteLink(key, target.value())
                .thenAccept(outcome -> inviteNote.setText(
                        switch (outcome) {
                            case COPIED ->
                                "Invite link copied. It holds the key: share it only with the people you call.";
                            case NO_KEY -> "Type or generate an encryption key first.";
                            case FAILED -> "The browser did not allow copying to the clipboard.";
                        }));
    }
}
