package io.github.mitakemms.camel.client;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How many calls one account may have at the gateway at once, learnt from its 1007 answers (too many connections): the
 * gateway's limit is per account and shared by every instance of the application, so no fixed number fits.
 * <p>
 * Additive increase, multiplicative decrease, never above {@code maxConnections}: a 1007 cuts the limit by 15%,
 * once per round of calls (the other calls refused in the same round were made under the old limit, so they do not
 * cut it again); every call answered otherwise, while all permits are in use, adds {@code 1/limit}, so about one per
 * round trip. Past the concurrency at which the gateway last refused, the limit grows eight times slower, so that it
 * probes for capacity freed by other instances without provoking a 1007 every few calls; once past that point without
 * a refusal it grows at the normal pace again.
 * <p>
 * A caller waits for a permit until its deadline. Thread-safe.
 */
final class ConcurrencyLimit {

    /** The factor applied to the limit on a 1007. */
    static final double BACKOFF = 0.85;
    /** How much slower the limit grows past the concurrency at which the gateway last refused. */
    static final int PROBE_SLOWDOWN = 8;

    private final int max;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    private double limit;
    private int inFlight;
    /** The concurrency at which the gateway last answered 1007, or Integer.MAX_VALUE. */
    private int congestedAt = Integer.MAX_VALUE;
    /** Counts the decreases: a refusal of a call that acquired its permit before the last one does not cut again. */
    private long round;

    private final LongAdder refusals = new LongAdder();
    private final LongAdder decreases = new LongAdder();
    private final LongAdder waited = new LongAdder();

    /** @param max the most calls at once: maxConnections */
    ConcurrencyLimit(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + max);
        }
        this.max = max;
        this.limit = max;
    }

    /**
     * A permit to make one call, waiting until the deadline for one to free.
     *
     * @param  deadline a {@link System#nanoTime()} value
     * @return          the permit, or null when none freed before the deadline
     */
    Permit acquire(long deadline) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            boolean counted = false;
            while (inFlight >= (int) limit) {
                if (!counted) {
                    waited.increment();
                    counted = true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                freed.awaitNanos(left);
            }
            inFlight++;
            return new Permit(round, inFlight);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until a call of the account ends or the time passes, whichever comes first: after a 1007 when the account
     * has no call of its own to wait for (other instances hold the gateway's connections).
     *
     * @param until a {@link System#nanoTime()} value
     */
    void awaitRelease(long until) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long left = until - System.nanoTime();
            if (left > 0) {
                freed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The call was answered (other than with 1007), or failed for another reason. */
    void release(Permit permit, boolean answered) {
        lock.lock();
        try {
            boolean saturated = inFlight >= (int) limit;
            inFlight--;
            if (answered && saturated && limit < max) {
                int before = (int) limit;
                double step = limit + 1 < congestedAt ? 1 / limit : 1 / (limit * PROBE_SLOWDOWN);
                limit = Math.min(max, limit + step);
                if (limit >= congestedAt + 1) {
                    // past the last point of congestion without a refusal: the capacity is there again
                    congestedAt = Integer.MAX_VALUE;
                }
                if ((int) limit > before) {
                    freed.signalAll();
                    return;
                }
            }
            freed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The gateway answered the call with 1007: nothing was sent. */
    void refused(Permit permit) {
        lock.lock();
        try {
            refusals.increment();
            inFlight--;
            if (permit.round == round) {
                congestedAt = permit.concurrency;
                limit = Math.max(1, limit * BACKOFF);
                round++;
                decreases.increment();
            }
            if (inFlight < (int) limit) {
                freed.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The current limit, a whole number of calls. */
    int limit() {
        lock.lock();
        try {
            return (int) limit;
        } finally {
            lock.unlock();
        }
    }

    int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    int max() {
        return max;
    }

    /** How many 1007 answers the account received. */
    long refusals() {
        return refusals.sum();
    }

    /** How many times the limit was cut. */
    long decreases() {
        return decreases.sum();
    }

    /** How many calls had to wait for a permit. */
    long waited() {
        return waited.sum();
    }

    @Override
    public String toString() {
        return "ConcurrencyLimit[" + limit() + "/" + max + "]";
    }

    /** Held by one call while it is at the gateway. */
    static final class Permit {
        final long round;
        /** The calls at the gateway once this one is made, itself included. */
        final int concurrency;

        Permit(long round, int concurrency) {
            this.round = round;
            this.concurrency = concurrency;
        }
    }

    static long deadline(long timeoutMillis) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }
}
