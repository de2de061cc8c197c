package io.github.mitakemms.camel.producer;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs from the JVM's strong random source, as {@link UUID#randomUUID()} makes them, but drawn 64 at
 * a time per thread: {@code randomUUID()} takes a lock shared by the whole JVM for every UUID, which many threads
 * pushing at once wait on. A cID must never repeat (the gateway silently drops a push whose cID it saw in the last 12
 * hours), so the bytes still come from {@link SecureRandom}, and each is used once.
 */
final class RandomUuids {

    private static final int PER_DRAW = 64;
    private static final SecureRandom SOURCE = new SecureRandom();
    private static final ThreadLocal<Draw> DRAWS = ThreadLocal.withInitial(Draw::new);

    private RandomUuids() {
    }

    /** A new random UUID. */
    static UUID next() {
        return DRAWS.get().next();
    }

    /** Random bytes for {@value #PER_DRAW} UUIDs, used in turn by one thread. */
    private static final class Draw {
        private final byte[] bytes = new byte[16 * PER_DRAW];
        private int used = bytes.length;

        UUID next() {
            if (used == bytes.length) {
                SOURCE.nextBytes(bytes);
                used = 0;
            }
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = (msb << 8) | (bytes[used + i] & 0xff);
            }
            for (int i = 8; i < 16; i++) {
                lsb = (lsb << 8) | (bytes[used + i] & 0xff);
            }
            used += 16;
            // version 4, IETF variant, as UUID.randomUUID sets them
            msb = (msb & 0xffffffffffff0fffL) | 0x0000000000004000L;
            lsb = (lsb & 0x3fffffffffffffffL) | 0x8000000000000000L;
            return new UUID(msb, lsb);
        }
    }
}
