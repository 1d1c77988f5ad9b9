package dev.e2eecall.ui;

import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The browser's side of {@code EncryptionKeyField.checkKey()} in browserless tests: there is no
 * browser to apply the key rule, so a test answers with the verdict it wants.
 */
final class BrowserKeyCheck {

    private BrowserKeyCheck() {}

    /** Whether the invocation asks a key field for its verdict. */
    static boolean asksForVerdict(PendingJavaScriptInvocation invocation) {
        return invocation.getInvocation().getExpression().contains("checkKey");
    }

    static JsonNode accepted() {
        return JsonNodeFactory.instance.objectNode().put("valid", true).put("message", "");
    }

    static JsonNode refused(String message) {
        return JsonNodeFactory.instance.objectNode().put("valid", false).put("message", message);
    }
}
