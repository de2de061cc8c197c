package io.github.mitakemms.camel.client;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

/**
 * Writes a long String that needs no JSON escaping, such as an attachment's base64, as its bytes in one copy instead
 * of character by character: several times faster for the 300 KB of an MMS attachment. Any other String is written as
 * Jackson always writes it, so the output is the same byte for byte.
 */
final class VerbatimStringSerializer extends StdScalarSerializer<String> {

    private static final long serialVersionUID = 1L;
    /** Below this length the check costs about what it saves. */
    static final int MIN_LENGTH = 256;
    /**
     * Writer attribute set when every String this serializer writes was found to be base64 already (the producer's
     * validation checks every attachContent): they go out without being checked a second time.
     */
    static final String BASE64_CHECKED = "io.github.mitakemms.base64Checked";
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH = 0x8080808080808080L;

    VerbatimStringSerializer() {
        super(String.class);
    }

    @Override
    public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (value.length() >= MIN_LENGTH) {
            byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
            if (Boolean.TRUE.equals(provider.getAttribute(BASE64_CHECKED)) || isVerbatim(bytes)) {
                gen.writeRawUTF8String(bytes, 0, bytes.length);
                return;
            }
        }
        gen.writeString(value);
    }

    /**
     * Whether Jackson writes these ISO-8859-1 bytes as they are: each is ASCII from 0x20 to 0x7F other than the quote
     * and the backslash, and none is '?', which ISO-8859-1 encoding puts in place of a character it cannot encode (such
     * a String takes the usual path, which writes it right). Tests eight bytes at a time.
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
