package dev.e2eecall.local;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What all browsers of this instance have been sent since each last spoke, with an upper bound: a
 * browser that stops answering cannot make the server hold messages for it without end, and many
 * of them together cannot either.
 */
final class UnheardTotal {

    private final long max;
    private final AtomicLong chars = new AtomicLong();

    UnheardTotal(long maxChars) {
        this.max = maxChars;
    }

    /** Counts {@code count} more characters sent, or refuses when that would pass the bound. */
    boolean reserve(int count) {
        if (chars.addAndGet(count) > max) {
            chars.addAndGet(-count);
            return false;
        }
        return true;
    }

    /** A browser spoke or left: what it had been sent no longer counts. */
    void release(long count) {
        chars.addAndGet(-count);
    }

    long chars() {
        return chars.get();
    }
}
