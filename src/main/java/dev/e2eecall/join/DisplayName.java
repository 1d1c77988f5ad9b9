package dev.e2eecall.join;

import org.jspecify.annotations.Nullable;

/** The name a participant shows to the others: 1 to 50 characters of text, no control characters. */
public record DisplayName(String value) {

    public static final int MAX_LENGTH = 50;

    public DisplayName {
        if (problemWith(value) != null) {
            throw new IllegalArgumentException("not a display name");
        }
    }

    /** Trims what a user typed, or refuses it with a message for the user. */
    public static DisplayName parse(String text) {
        String trimmed = text.strip();
        String problem = problemWith(trimmed);
        if (problem != null) {
            throw new JoinException(JoinException.Reason.INVALID_NAME, problem);
        }
        return new DisplayName(trimmed);
    }

    /** The reason a (trimmed) name is refused, or null when it is fine. */
    public static @Nullable String problemWith(String trimmed) {
        if (trimmed.isEmpty()) {
            return "Please enter your name.";
        }
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length > MAX_LENGTH) {
            return "A name has at most " + MAX_LENGTH + " characters.";
        }
        // control characters, plus the invisible format characters (bidi overrides and the like)
        // that could make a name render as something else
        if (trimmed.codePoints().anyMatch(c -> Character.isISOControl(c) || isBidiControl(c))) {
            return "A name cannot contain control characters.";
        }
        return null;
    }

    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F;
    }

    @Override
    public String toString() {
        return value;
    }
}
