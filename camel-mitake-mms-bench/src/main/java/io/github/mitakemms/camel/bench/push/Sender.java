package io.github.mitakemms.camel.bench.push;

/**
 * One way of sending a push to the gateway. Thread-safe: the benchmark's sender threads share one.
 */
public interface Sender extends AutoCloseable {

    /** Sends one push of the payload to the two destinations; fails unless the gateway accepted it. */
    void push() throws Exception;

    /** Pushes this sender sent a second time after a failure of its own transport (reported with its figures). */
    default long retries() {
        return 0;
    }

    @Override
    void close() throws Exception;
}
