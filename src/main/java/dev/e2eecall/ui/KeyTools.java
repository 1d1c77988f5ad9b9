package dev.e2eecall.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import dev.e2eecall.call.EncryptionKeyField;
import java.util.concurrent.CompletableFuture;

/**
 * The join form's key helpers, run in the browser by {@code <e2ee-key-tools>}: generate a key,
 * fill it in from an invite link's fragment, copy an invite link. Only outcomes come back.
 */
@Tag("e2ee-key-tools")
@JsModule("./form/key-tools.ts")
class KeyTools extends Component {

    /** What became of a copy of the invite link. */
    enum CopyOutcome {
        COPIED,
        NO_KEY,
        FAILED
    }

    /** Fills the field with a new random key of 140 bits, shown as readable text. */
    void generateKey(EncryptionKeyField field) {
        getElement().callJsFunction("generateKey", field.getElement());
    }

    /** Fills the field from the invite link the page was opened with; completes with whether there was one. */
    CompletableFuture<Boolean> fillFromInvite(EncryptionKeyField field) {
        return getElement().callJsFunction("fillFromInvite", field.getElement()).toCompletableFuture(Boolean.class);
    }

    /** Copies a link to the room with the field's key in its fragment to the clipboard. */
    CompletableFuture<CopyOutcome> copyInviteLink(EncryptionKeyField field, String room) {
        return getElement()
                .callJsFunction("copyInviteLink", field.getElement(), room)
                .toCompletableFuture(String.class)
                .thenApply(outcome -> switch (outcome) {
                    case "copied" -> CopyOutcome.COPIED;
                    case "no-key" -> CopyOutcome.NO_KEY;
                    default -> CopyOutcome.FAILED;
                });
    }
}
