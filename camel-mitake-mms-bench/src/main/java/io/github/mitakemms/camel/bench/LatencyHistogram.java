package io.github.mitakemms.camel.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/** Latencies in buckets of 10 µs up to one second (longer ones in the last bucket), recorded from many threads. */
public final class LatencyHistogram {

    private static final long BUCKET_NANOS = TimeUnit.MICROSECONDS.toNanos(10);
    private static final int BUCKETS = (int) (TimeUnit.SECONDS.toNanos(1) / BUCKET_NANOS) + 1;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    void record(long nanos) {
        counts.incrementAndGet((int) Math.min(BUCKETS - 1, Math.max(0, nanos) / BUCKET_NANOS));
    }

    /** The upper bound of the bucket holding the given percentile, in milliseconds; NaN when nothing was recorded. */
    double percentileMillis(double percentile) {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += counts.get(i);
        }
        if (total == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(total * percentile / 100.0);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return (i + 1) * BUCKET_NANOS / 1_000_000.0;
            }
        }
        return (BUCKETS) * BUCKET_NANOS / 1_000_000.0;
    }
}
