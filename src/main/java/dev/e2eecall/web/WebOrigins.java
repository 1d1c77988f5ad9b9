package dev.e2eecall.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lists of web origins from settings such as {@code API_CORS_ORIGINS}: each one a scheme
 * ({@code http} or {@code https}), a host and an optional port, exactly as a browser sends it in
 * its {@code Origin} header, and nothing else: no path (not even a trailing slash), no query, no
 * wildcard. Checked when the app starts, so that a typo stops it with a message instead of
 * silently refusing every request from the intended site.
 */
public final class WebOrigins {

    private WebOrigins() {}

    /**
     * The origins in a comma-separated setting, lower-cased and without a default port
     * ({@code https://portal.example:443} becomes {@code https://portal.example}, as browsers send it).
     * Blank entries are skipped; an empty setting gives an empty list.
     *
     * @param variable the setting's name, for the message
     * @throws IllegalArgumentException naming the variable and the entry, when an entry is not an origin
     */
    public static List<String> parse(String variable, String commaSeparated) {
        List<String> origins = new ArrayList<>();
        for (String entry : commaSeparated.split(",")) {
            String origin = entry.strip();
            if (!origin.isEmpty()) {
                origins.add(parseOne(variable, origin));
            }
        }
        return List.copyOf(origins);
    }

    private static String parseOne(String variable, String text) {
        if (text.contains("*")) {
            throw refused(variable, text, "a wildcard is not allowed: name each site");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw refused(variable, text, "it is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused(variable, text, "the scheme must be http or https");
        }
        if (uri.getRawAuthority() == null
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawAuthority().endsWith(":")) {
            throw refused(variable, text, "it needs a host (and optionally a port), nothing more");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
            throw refused(
                    variable,
                    text,
                    "it has a path; leave out everything after the host and port, " + "including a trailing slash");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw refused(variable, text, "it has a query or a fragment");
        }
        int port = uri.getPort();
        if (port == 0 || port > 65535) {
            throw refused(variable, text, "the port must be 1 to 65535");
        }
        boolean defaultPort =
                port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static IllegalArgumentException refused(String variable, String text, String why) {
        return new IllegalArgumentException(variable + ": \"" + text + "\" is not a web origin (" + why + "). "
                + "Write scheme, host and optional port, such as https://portal.example.com or "
                + "http://localhost:8080, and separate several with commas.");
    }
}
