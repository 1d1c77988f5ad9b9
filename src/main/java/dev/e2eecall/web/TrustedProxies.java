package dev.e2eecall.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reverse proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} the app believes
 * ({@code TRUSTED_PROXIES}): IPv4 addresses or ranges ({@code 10.0.0.7}, {@code 10.0.0.0/24}) and IPv6
 * addresses, comma-separated. Loopback only by default, so that nobody else on an office network, a VPN
 * or a pod network can claim another client address and step past the join limits per address, or
 * mark a plain-HTTP request as HTTPS.
 *
 * @param proxies the setting as written; checked at start-up, a wrong entry stops it with a message
 */
@ConfigurationProperties("web")
public record TrustedProxies(@DefaultValue(LOOPBACK) String proxies) {

    static final String VARIABLE = "TRUSTED_PROXIES";
    static final String LOOPBACK = "127.0.0.0/8,::1";

    public TrustedProxies {
        // refuses a bad entry when the app starts
        pattern(proxies);
    }

    /**
     * The trusted addresses as a regular expression for Tomcat's {@code RemoteIpValve}
     * ({@code internalProxies}), which matches it against the connecting address as Java writes it
     * ({@code 127.0.0.1}, {@code 0:0:0:0:0:0:0:1}).
     */
    public String internalProxiesPattern() {
        return pattern(proxies);
    }

    private static String pattern(String commaSeparated) {
        List<String> alternatives = new ArrayList<>();
        for (String entry : commaSeparated.split(",")) {
            String proxy = entry.strip();
            if (!proxy.isEmpty()) {
                alternatives.add(alternative(proxy));
            }
        }
        // no entry: no proxy is trusted, and the pattern matches nothing
        return alternatives.isEmpty() ? "(?!)" : String.join("|", alternatives);
    }

    private static String alternative(String proxy) {
        int slash = proxy.indexOf('/');
        String address = slash < 0 ? proxy : proxy.substring(0, slash);
        if (!address.matches("[0-9a-fA-F:.]+")
                || (!address.contains(":") && !address.matches("(\\d{1,3}\\.){3}\\d{1,3}"))) {
            throw refused(proxy, "it is not an IP address (host names are not resolved)");
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw refused(proxy, "it is not an IP address");
        }
        if (bytes.length == 16) {
            if (slash >= 0) {
                throw refused(proxy, "IPv6 ranges are not supported: list the proxies' IPv6 addresses");
            }
            return Pattern.quote(ipv6AsJavaWritesIt(bytes));
        }
        int prefix = slash < 0 ? 32 : prefixLength(proxy, proxy.substring(slash + 1));
        return ipv4Range(bytes, prefix);
    }

    private static int prefixLength(String proxy, String text) {
        if (!text.matches("\\d{1,2}") || Integer.parseInt(text) > 32) {
            throw refused(proxy, "a range is an address and a prefix length of 0 to 32, such as 10.0.0.0/24");
        }
        return Integer.parseInt(text);
    }

    /** Each octet fixed by the prefix written out, the one it cuts as the numbers it allows, the rest as any. */
    private static String ipv4Range(byte[] address, int prefix) {
        List<String> octets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int value = address[i] & 0xff;
            int fixedBits = Math.clamp(prefix - 8L * i, 0, 8);
            int mask = (0xff << (8 - fixedBits)) & 0xff;
            if (fixedBits == 8) {
                octets.add(Integer.toString(value));
            } else if (fixedBits == 0) {
                octets.add("\\d{1,3}");
            } else {
                int first = value & mask;
                List<String> allowed = new ArrayList<>();
                for (int octet = first; octet <= (first | (~mask & 0xff)); octet++) {
                    allowed.add(Integer.toString(octet));
                }
                octets.add("(?:" + String.join("|", allowed) + ")");
            }
        }
        return String.join("\\.", octets);
    }

    /** The full form without compression, as {@code Inet6Address.getHostAddress()} gives Tomcat the remote address. */
    private static String ipv6AsJavaWritesIt(byte[] address) {
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < 16; i += 2) {
            groups.add(Integer.toHexString(((address[i] & 0xff) << 8) | (address[i + 1] & 0xff)));
        }
        return String.join(":", groups);
    }

    private static IllegalArgumentException refused(String entry, String why) {
        return new IllegalArgumentException(VARIABLE + ": \"" + entry + "\" is not a proxy address (" + why + "). "
                + "Write the addresses of the reverse proxies in front of the app, such as 10.0.0.7 or 10.0.0.0/24 "
                + "or fd00::7, separated by commas; the default, " + LOOPBACK
                + ", trusts a proxy on this machine only.");
    }
}
