package dev.e2eecall;

import java.util.ArrayList;
import java.util.List;

/**
 * Looks for a secret, or any part of it, in text: the whole secret and every run of 16 characters
 * of its material (for a PEM key, the base64 between its armor lines, with no line breaks; any
 * other value without quotes and white space), also in the text with its white space taken out.
 * Material of 16 characters or fewer is looked for whole.
 */
public final class SecretLeaks {

    public static final int WINDOW = 16;

    private SecretLeaks() {}

    /** The parts of the secret found in the text; empty when none is. */
    public static List<String> partsIn(String text, String secret) {
        List<String> found = new ArrayList<>();
        String compactText = text.replaceAll("\\s", "");
        if (!secret.isBlank() && text.contains(secret.strip())) {
            found.add(secret.strip());
        }
        String material = material(secret);
        if (material.length() <= WINDOW) {
            if (!material.isEmpty() && (text.contains(material) || compactText.contains(material))) {
                found.add(material);
            }
            return found;
        }
        for (int start = 0; start + WINDOW <= material.length(); start++) {
            String window = material.substring(start, start + WINDOW);
            if (text.contains(window) || compactText.contains(window)) {
                found.add(window);
            }
        }
        return found;
    }

    /** The secret without PEM armor lines, quotes, {@code \n} escapes and white space. */
    static String material(String secret) {
        return secret.replaceAll("-----(BEGIN|END) [A-Z0-9 ]+-----", "")
                .replace("\\n", "")
                .replace("\\r", "")
                .replaceAll("[\\s\"']", "");
    }
}
