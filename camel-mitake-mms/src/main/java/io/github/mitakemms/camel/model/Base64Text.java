package io.github.mitakemms.camel.model;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The byte-level checks of attachment content, eight bytes at a time: a test per character costs more than encoding
 * the attachment did. The only place of such tricks in the component; the push benchmark at 300 KB guards them. Works
 * on the content's bytes in ISO-8859-1 (one byte per character; a character beyond it became '?', which both checks
 * refuse).
 */
final class Base64Text {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH = 0x8080808080808080L;

    private Base64Text() {
    }

    /**
     * Where the bytes stop being base64 (RFC 4648 basic alphabet, padded with = to a multiple of 4, no line breaks):
     * the position of the first byte outside the alphabet, the length when only the length is wrong, or -1 when they
     * are base64.
     */
    static int error(byte[] b) {
        int n = b.length;
        int pad = 0;
        if (n > 0 && b[n - 1] == '=') {
            pad++;
            if (n > 1 && b[n - 2] == '=') {
                pad++;
            }
        }
        int bad = firstOutside(b, n - pad);
        if (bad >= 0) {
            return bad;
        }
        return n % 4 == 0 ? -1 : n;
    }

    /** The index of the first byte in [0, end) outside the base64 alphabet, or -1 when there is none. */
    static int firstOutside(byte[] b, int end) {
        int i = 0;
        while (i + Long.BYTES <= end && allInAlphabet((long) LONGS.get(b, i))) {
            i += Long.BYTES;
        }
        for (; i < end; i++) {
            if (!inAlphabet(b[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether each of eight bytes is in the alphabet. For bytes below 0x80 (checked first) adding a constant to all
     * eight at once never carries from one byte into the next, so each byte's high bit tells whether it reached a
     * bound: {@code b + (0x80 - lo)} has it when {@code b >= lo}, {@code b + (0x7F - hi)} when {@code b > hi}.
     */
    static boolean allInAlphabet(long x) {
        if ((x & HIGH) != 0) {
            return false;
        }
        long upper = (x + 0x3F3F3F3F3F3F3F3FL) & ~(x + 0x2525252525252525L); // 'A'..'Z'
        long lower = (x + 0x1F1F1F1F1F1F1F1FL) & ~(x + 0x0505050505050505L); // 'a'..'z'
        long digit = (x + 0x5050505050505050L) & ~(x + 0x4646464646464646L); // '0'..'9'
        long plus = ~((x ^ 0x2B2B2B2B2B2B2B2BL) + 0x7F7F7F7F7F7F7F7FL); // '+': the byte xor '+' is 0
        long slash = ~((x ^ 0x2F2F2F2F2F2F2F2FL) + 0x7F7F7F7F7F7F7F7FL); // '/'
        return ((upper | lower | digit | plus | slash) & HIGH) == HIGH;
    }

    static boolean inAlphabet(byte c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/';
    }

    /**
     * Whether Jackson writes these bytes as they are in a JSON string: each is ASCII from 0x20 to 0x7F other than the
     * quote and the backslash, and none is '?', which ISO-8859-1 encoding puts in place of a character it cannot encode
     * (such a String takes the usual path, which writes it right).
     */
    static boolean isVerbatim(byte[] b) {
        int n = b.length;
        int i = 0;
        for (; i + Long.BYTES <= n; i += Long.BYTES) {
            long x = (long) LONGS.get(b, i);
            if ((x & HIGH) != 0 // a byte >= 0x80
                    || ((x + 0x6060606060606060L) & HIGH) != HIGH // a byte < 0x20 (no carries: all bytes < 0x80 here)
                    || hasByte(x, 0x22L * ONES) || hasByte(x, 0x5CL * ONES) || hasByte(x, 0x3FL * ONES)) {
                return false;
            }
        }
        for (; i < n; i++) {
            byte c = b[i];
            if (c < 0x20 || c == '"' || c == '\\' || c == '?') { // bytes >= 0x80 are negative
                return false;
            }
        }
        return true;
    }

    /** Whether one of the eight bytes of x equals the byte repeated in pattern. */
    private static boolean hasByte(long x, long pattern) {
        long v = x ^ pattern;
        return ((v - ONES) & ~v & HIGH) != 0;
    }
}
