package dev.e2eecall.dotenv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The entries of a {@code .env} file, read with the rules such files are written for (those of
 * Node's {@code dotenv}, which the original sample used, and of the shell):
 * <ul>
 * <li>{@code KEY=value}, optionally preceded by {@code export}, with or without spaces around {@code =};
 * <li>blank lines and lines starting with {@code #} are skipped; an unquoted value ends at a
 *     {@code #} that follows a space or tab (a comment), and is trimmed;
 * <li>a value in single quotes is taken as written, line breaks included;
 * <li>a value in double quotes may span lines too, and turns {@code \n}, {@code \r}, {@code \t},
 *     {@code \"} and {@code \\} into what they stand for, so a PEM key may be written on one line;
 * <li>after a closing quote only spaces and a comment may follow;
 * <li>a later line wins over an earlier one with the same key.
 * </ul>
 * A file that breaks these rules is refused with the line and key, never with a value: values are
 * credentials.
 */
public final class DotEnvFile {

    private DotEnvFile() {}

    /** Reads the file (UTF-8) and returns its entries in file order. */
    public static Map<String, String> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // the exception's message names the file and the cause, nothing of its content
            throw new IllegalStateException("Could not read " + file + ": " + e, e);
        }
        return parse(text, file.toString());
    }

    /**
     * The entries of a file's text.
     *
     * @param name what messages call the file, such as its path
     * @throws IllegalArgumentException when a line breaks the rules; the message names the line
     *                                  and key but no value
     */
    public static Map<String, String> parse(String text, String name) {
        String source = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Reader reader = new Reader(source.replace("\r\n", "\n").replace('\r', '\n'), name);
        Map<String, String> entries = new LinkedHashMap<>();
        while (!reader.atEnd()) {
            reader.skipBlanks();
            if (reader.atLineEnd() || reader.peek() == '#') {
                reader.nextLine();
                continue;
            }
            int line = reader.line;
            String key = reader.key();
            if (key.equals("export") && reader.atBlank()) {
                reader.skipBlanks();
                key = reader.key();
            }
            reader.skipBlanks();
            if (key.isEmpty() || reader.atLineEnd() || reader.peek() != '=') {
                // no key in this message: a line without "=" may be a pasted secret
                throw reader.malformed(line, "is not KEY=value");
            }
            reader.advance();
            entries.put(key, reader.value(key, line));
            reader.nextLine();
        }
        return Collections.unmodifiableMap(entries);
    }

    /** A position in the text, line by line. */
    private static final class Reader {

        private final String text;
        private final String name;
        private int position;
        private int line = 1;

        Reader(String text, String name) {
            this.text = text;
            this.name = name;
        }

        boolean atEnd() {
            return position >= text.length();
        }

        boolean atLineEnd() {
            return atEnd() || text.charAt(position) == '\n';
        }

        boolean atBlank() {
            return !atEnd() && (text.charAt(position) == ' ' || text.charAt(position) == '\t');
        }

        char peek() {
            return text.charAt(position);
        }

        void advance() {
            if (text.charAt(position) == '\n') {
                line++;
            }
            position++;
        }

        void skipBlanks() {
            while (atBlank()) {
                position++;
            }
        }

        /** Skips the rest of this line (a comment, or what follows a value) and its line break. */
        void nextLine() {
            while (!atLineEnd()) {
                position++;
            }
            if (!atEnd()) {
                advance();
            }
        }

        String key() {
            int start = position;
            while (!atEnd() && isKeyCharacter(text.charAt(position))) {
                position++;
            }
            return text.substring(start, position);
        }

        private static boolean isKeyCharacter(char c) {
            return c >= 'A' && c <= 'Z'
                    || c >= 'a' && c <= 'z'
                    || c >= '0' && c <= '9'
                    || c == '_'
                    || c == '.'
                    || c == '-';
        }

        /** The value after {@code =}, and anything after it on its (last) line checked. */
        String value(String key, int line) {
            int start = position;
            skipBlanks();
            if (atLineEnd()) {
                return "";
            }
            char first = peek();
            if (first == '\'' || first == '"') {
                String value = quoted(first, key, line);
                skipBlanks();
                if (!atLineEnd() && peek() != '#') {
                    throw malformed(this.line, "has text after the closing quote of " + key + "'s value");
                }
                return value;
            }
            position = start;
            int end = start;
            while (!atLineEnd()) {
                char c = peek();
                // as in the shell: # starts a comment after a space or tab, not inside a word
                if (c == '#' && position > start && isBlank(text.charAt(position - 1))) {
                    break;
                }
                position++;
                end = position;
            }
            return text.substring(start, end).strip();
        }

        private static boolean isBlank(char c) {
            return c == ' ' || c == '\t';
        }

        private String quoted(char quote, String key, int line) {
            advance();
            StringBuilder value = new StringBuilder();
            while (!atEnd()) {
                char c = peek();
                advance();
                if (c == quote) {
                    return value.toString();
                }
                if (c == '\\' && quote == '"' && !atEnd()) {
                    char escaped = peek();
                    switch (escaped) {
                        case 'n' -> value.append('\n');
                        case 'r' -> value.append('\r');
                        case 't' -> value.append('\t');
                        case '"', '\\' -> value.append(escaped);
                        default -> value.append('\\').append(escaped);
                    }
                    advance();
                    continue;
                }
                value.append(c);
            }
            throw malformed(line, "opens a quote for " + key + "'s value that is never closed");
        }

        IllegalArgumentException malformed(int line, String problem) {
            return new IllegalArgumentException(name + ", line " + line + " " + problem);
        }
    }
}
