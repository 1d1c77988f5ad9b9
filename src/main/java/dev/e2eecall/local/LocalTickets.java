package dev.e2eecall.local;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The tickets this instance handed out for local calls, each good for one entry into its room. A
 * page enters through the instance that gave it the ticket (its HTTP session is sticky), so these
 * are kept in this instance's memory, for as long as a person may take to allow the camera.
 */
final class LocalTickets {

    /** Who a ticket was given to: enough to enter the room, never a key. */
    record Issued(String room, String name, String address) {}

    private static final SecureRandom random = new SecureRandom();
    private static final long MAX_UNUSED = 100_000;

    private final Cache<String, Issued> unused;

    LocalTickets(Duration validity) {
        this.unused = Caffeine.newBuilder()
                .expireAfterWrite(validity)
                .maximumSize(MAX_UNUSED)
                .build();
    }

    /** A new ticket's token. */
    String issue(String room, String name, String address) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        unused.put(token, new Issued(room, name, address));
        return token;
    }

    /** Uses up the ticket: what it was issued for, the first time only. */
    Optional<Issued> redeem(String token) {
        return Optional.ofNullable(unused.asMap().remove(token));
    }
}
