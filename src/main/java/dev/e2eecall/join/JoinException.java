package dev.e2eecall.join;

/**
 * A join that did not happen, with a message meant for the person joining.
 *
 * @see #retryable()
 */
public class JoinException extends RuntimeException {

    private final boolean retryable;

    public JoinException(String userMessage, boolean retryable) {
        super(userMessage);
        this.retryable = retryable;
    }

    public JoinException(String userMessage, boolean retryable, Throwable cause) {
        super(userMessage, cause);
        this.retryable = retryable;
    }

    /** Whether trying the same join again later can succeed (the service was down, not the input wrong). */
    public boolean retryable() {
        return retryable;
    }
}
