package dev.e2eecall.join;

import java.util.Locale;
import java.util.regex.Pattern;

/** A room's name: lower-case letters, digits and dashes, 1 to 64 of them. One room, one video session. */
public record RoomName(String value) {

    /** What a room name is made of, as a regular expression. */
    public static final String RULE = "[a-z0-9-]{1,64}";

    private static final Pattern VALID = Pattern.compile(RULE);

    public RoomName {
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("not a room name");
        }
    }

    /** Trims and lower-cases what a user typed or a URL held, or refuses it with a message for the user. */
    public static RoomName parse(String text) {
        String normalized = text.strip().toLowerCase(Locale.ROOT);
        if (!VALID.matcher(normalized).matches()) {
            throw new JoinException(
                    JoinException.Reason.INVALID_ROOM,
                    "A room name has 1 to 64 characters: letters a-z, digits and dashes.");
        }
        return new RoomName(normalized);
    }

    @Override
    public String toString() {
        return value;
    }
}
