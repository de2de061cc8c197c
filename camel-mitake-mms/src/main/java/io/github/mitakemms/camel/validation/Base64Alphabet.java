package io.github.mitakemms.camel.validation;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Finds the first character of a text that is not in the base64 alphabet (RFC 4648 basic: A-Z a-z 0-9 + /), eight
 * characters at a time: a test per character costs more than encoding the attachment did.
 */
final class Base64Alphabet {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH = 0x8080808080808080L;

    private Base64Alphabet() {
    }

    /** The index of the first character in [0, end) outside the alphabet, or -1 when there is none. */
    static int firstOutside(String s, int end) {
        // one byte per character; a character beyond ISO-8859-1 becomes '?', which is outside the alphabet too
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
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
}
