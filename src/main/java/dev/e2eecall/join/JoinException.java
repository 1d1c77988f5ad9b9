package dev.e2eecall.join;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A join that did not happen, with a message meant for the person joining and the reason, so that
 * each way of asking (the page, the JSON API) can answer in its own terms.
 *
 * @see #reason()
 */
public class JoinException extends RuntimeException {

    /** Why a join did not happen. */
    public enum Reason {
        /** The room's name breaks the rules for room names. */
        INVALID_ROOM(false),
        /** The display name breaks the rules for names. */
        INVALID_NAME(false),
        /** The requester joined too often in a short time. */
        TOO_MANY_JOINS(true),
        /** The room has no place left (local calls have a limit per room and on rooms). */
        ROOM_FULL(true),
        /** The caller needs a session of the Vonage Video API, but this server runs local calls. */
        NO_VIDEO_SERVICE(false),
        /** The video service refused the request: credentials, E2EE not enabled, bad parameters. */
        SERVICE_REFUSED(false),
        /** The video service answered that it is unavailable (5xx, 429). */
        SERVICE_UNAVAILABLE(true),
        /** The video service could not be reached (refused or dropped connection). */
        SERVICE_UNREACHABLE(true),
        /** The video service did not answer within the request timeout. */
        SERVICE_TIMED_OUT(true),
        /** The video service's answer could not be understood. */
        UNEXPECTED_ANSWER(true),
        /** This server could not issue the ticket (interrupted while shutting down, a token not made). */
        NOT_ISSUED(true);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }
    }

    private final Reason reason;
    private final @Nullable Duration retryAfter;
    private final String userMessage;

    public JoinException(Reason reason, String userMessage) {
        this(reason, userMessage, null, null);
    }

    public JoinException(Reason reason, String userMessage, Throwable cause) {
        this(reason, userMessage, null, cause);
    }

    /** @param retryAfter when trying again can succeed, if known */
    public JoinException(Reason reason, String userMessage, @Nullable Duration retryAfter, @Nullable Throwable cause) {
        super(userMessage, cause);
        this.userMessage = userMessage;
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    /** Whether trying the same join again later can succeed (the service was down, not the input wrong). */
    public boolean retryable() {
        return reason.retryable;
    }

    /** How long to wait before trying again, when the refusal knows it (a rate limit does). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The message for the person joining; never null, unlike {@link Throwable#getMessage()} in general. */
    @Override
    public String getMessage() {
        return userMessage;
    }
}
