package dev.e2eecall.call;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A password field for an encryption key whose value never reaches the server: the Java API over
 * the {@code <e2ee-key-field>} element, which wraps Vaadin's {@code vaadin-password-field}.
 *
 * <p>Unlike Vaadin's {@code PasswordField}, nothing here synchronizes the value. The browser keeps
 * every character typed or pasted (the field has no length limit that could cut a key short),
 * applies the key rule and shows a hint under the field when the key is easy to guess. The server
 * learns only the verdict it asks for with {@link #checkKey()}. {@link E2eeVideoCall} hands this
 * field's element to the browser-side call element, which reads the key there.
 */
@Tag("e2ee-key-field")
@NpmPackage(value = "@vaadin/password-field", version = "25.2.4")
@JsModule("./call/key/key-field.ts")
public class EncryptionKeyField extends Component implements HasSize, HasLabel {

    /** A key field with the given accessible label. */
    public EncryptionKeyField(String label) {
        setLabel(label);
    }

    /**
     * Text under the field. By default it states the key rule and that the key stays in the
     * browser; an empty text brings the default back.
     */
    public void setHelperText(String helperText) {
        getElement().setProperty("helperText", helperText);
    }

    /**
     * A sentence added to the hint shown under the field while the key is easy to guess, saying
     * what to do instead, such as pressing a button that generates a key. None by default.
     */
    public void setWeakKeyAdvice(String advice) {
        getElement().setProperty("weakKeyAdvice", advice);
    }

    /** Shows a message under the field and marks it invalid, or clears both when {@code message} is null. */
    public void setErrorMessage(@Nullable String message) {
        // a call rather than a property: the browser marks the field itself too (a key refused when joining)
        // and clears the mark when the key is edited, so a property the server thinks unchanged could be stale
        getElement().callJsFunction("showError", message == null ? "" : message);
    }

    /**
     * Asks the browser for its verdict on the key: valid, or the message to show. Only the verdict
     * travels to the server, never the key. The field itself is left as it is.
     */
    public CompletableFuture<KeyCheck> checkKey() {
        return getElement().callJsFunction("checkKey").toCompletableFuture(KeyCheck.class);
    }

    /** Empties the field in the browser, with its hint and message. */
    public void clear() {
        getElement().callJsFunction("clear");
    }

    /** Moves the keyboard focus to the field. */
    public void focus() {
        getElement().callJsFunction("focus");
    }
}
