package dev.e2eecall.local;

import dev.e2eecall.call.CallTicket.IceServer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The STUN/TURN servers one join hands to the browser, each TURN server with the credentials it
 * admits: the fixed pair of {@code LOCAL_TURN_USERNAME}/{@code LOCAL_TURN_CREDENTIAL}, or a pair of
 * its own derived from {@code LOCAL_TURN_SECRET} as the TURN REST API has it (coturn's
 * {@code use-auth-secret}): username {@code <expiry in Unix seconds>:<random id>}, credential
 * base64(HMAC-SHA1(secret, username)). The relay recomputes the credential from the username, so it
 * needs no list of users, and refuses the pair once the expiry has passed.
 */
final class TurnCredentials {

    private static final String ALGORITHM = "HmacSHA1";
    private static final SecureRandom random = new SecureRandom();

    private final LocalProperties properties;
    private final Clock clock;

    TurnCredentials(LocalProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** The servers for one join: derived credentials are new for each call of this method. */
    List<IceServer> forOneJoin() {
        String secret = properties.turnSecret();
        String username;
        String credential;
        if (secret != null) {
            long expiry =
                    clock.instant().plus(properties.turnCredentialLifetime()).getEpochSecond();
            username = expiry + ":" + randomId();
            credential = credential(secret, username);
        } else {
            username = properties.turnUsername();
            credential = properties.turnCredential();
        }
        return properties.iceServers().stream()
                .map(url -> LocalProperties.isTurn(url) ? new IceServer(url, username, credential) : new IceServer(url))
                .toList();
    }

    /** base64(HMAC-SHA1(secret, username)): the password a TURN server with this secret expects. */
    static String credential(String secret, String username) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // every Java runtime has HmacSHA1; the message names neither the secret nor the username
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    private static String randomId() {
        byte[] bytes = new byte[9];
        random.nextBytes(bytes);
        // base64url has no ':', which separates the expiry from the id
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "TurnCredentials["
                + (properties.turnSecret() != null
                        ? "derived from a secret"
                        : properties.turnUsername() != null ? "fixed" : "none")
                + "]";
    }
}
