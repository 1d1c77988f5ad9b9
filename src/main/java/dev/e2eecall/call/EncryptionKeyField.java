package dev.e2eecall.call;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.concurrent.CompletableFuture;

/**
 * A password field for an encryption key whose value never reaches the server.
 *
 * <p>Unlike Vaadin's {@code PasswordField}, nothing here synchronizes the value: the browser keeps
 * it and checks its length; the server learns only whether the length is valid. {@link E2eeVideoCall} hands
 * this field's element to the browser-side call element, which reads the key there.
 */
@Tag("vaadin-password-field")
@NpmPackage(value = "@vaadin/password-field", version = "25.2.4")
@JsModule("@vaadin/password-field/src/vaadin-password-field.js")
public class EncryptionKeyField extends Component implements HasSize {

    /** Fewest characters a key may have, as OpenTok.js requires. */
    public static final int MIN_LENGTH = 8;
    /** Most characters a key may have, as OpenTok.js allows. */
    public static final int MAX_LENGTH = 256;

    /** A key field with the given accessible label. */
    public EncryptionKeyField(String label) {
        getElement().setProperty("label", label);
        getElement().setProperty("minlength", MIN_LENGTH);
        getElement().setProperty("maxlength", MAX_LENGTH);
        getElement().setProperty("autocomplete", "off");
        getElement().setAttribute("spellcheck", "false");
    }

    /** Text under the field. */
    public void setHelperText(String helperText) {
        getElement().setProperty("helperText", helperText);
    }

    /** Shows a message under the field and marks it invalid, or clears both when {@code message} is null. */
    public void setErrorMessage(String message) {
        getElement().setProperty("errorMessage", message == null ? "" : message);
        getElement().setProperty("invalid", message != null);
    }

    /**
     * Asks the browser whether the key has 8 to 256 characters and is not only spaces. Only the
     * answer travels to the server, never the key.
     */
    public CompletableFuture<Boolean> checkLength() {
        return getElement()
                .executeJs("return this.value.length >= $0 && this.value.length <= $1 && this.value.trim().length > 0",
                        MIN_LENGTH, MAX_LENGTH)
                .toCompletableFuture(Boolean.class);
    }

    /** Empties the field in the browser. */
    public void clear() {
        // an assignment in the browser; the value still never travels to the server
        getElement().executeJs("this.value = ''");
    }

    /** Moves the keyboard focus to the field. */
    public void focus() {
        getElement().callJsFunction("focus");
    }
}
