package dev.e2eecall.join;

import dev.e2eecall.join.JoinException.Reason;
import java.util.Locale;

/** The messages a user gets when the video service's REST API fails, the same for every backend. */
public final class VideoServiceErrors {

    private VideoServiceErrors() {}

    /**
     * For an answer other than success.
     *
     * @param detail    what the service said (its body or error title), searched for E2EE hints
     * @param variables the configuration variables an administrator should check for a 401/403
     */
    public static JoinException refused(int status, String detail, String variables) {
        String lower = detail.toLowerCase(Locale.ROOT);
        if ((status == 400 || status == 403) && (lower.contains("e2ee") || lower.contains("encryption"))) {
            return new JoinException(
                    Reason.SERVICE_REFUSED,
                    "End-to-end encryption is not enabled for this Vonage "
                            + "Video account. The administrator can enable it in the account settings.");
        }
        if (status == 401 || status == 403) {
            return new JoinException(
                    Reason.SERVICE_REFUSED,
                    "The video service did not accept this server's " + "credentials. The administrator should check "
                            + variables + ".");
        }
        if (status == 429 || status >= 500) {
            return new JoinException(
                    Reason.SERVICE_UNAVAILABLE,
                    "The video service is unavailable right now. Please try again in a moment.");
        }
        return new JoinException(
                Reason.SERVICE_REFUSED,
                "The video service refused to create a call for this room (HTTP " + status + ").");
    }

    public static JoinException timedOut(Throwable cause) {
        return new JoinException(
                Reason.SERVICE_TIMED_OUT, "The video service did not answer in time. Please try again.", cause);
    }

    public static JoinException unreachable(Throwable cause) {
        return new JoinException(
                Reason.SERVICE_UNREACHABLE, "Could not reach the video service. Please try again in a moment.", cause);
    }

    public static JoinException unexpectedAnswer() {
        return new JoinException(
                Reason.UNEXPECTED_ANSWER, "The video service sent an unexpected answer. Please try again.");
    }
}
