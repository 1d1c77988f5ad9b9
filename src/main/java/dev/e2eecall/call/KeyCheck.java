package dev.e2eecall.call;

import java.io.Serializable;

/**
 * The browser's verdict on the key in an {@link EncryptionKeyField}: whether the key may be used,
 * and otherwise the sentence to show the person. The rule is applied in the browser, where the key
 * is; this carries only the outcome, never the key.
 *
 * @param valid whether the key meets the rule (8 to 256 characters, not only spaces)
 * @param message why not, for the person; empty when valid
 */
public record KeyCheck(boolean valid, String message) implements Serializable {}
