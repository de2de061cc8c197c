package io.github.mitakemms.camel;

import java.util.Base64;

/**
 * The smallest file headers that carry each format's signature, for tests of attachment types, and the helpers to
 * write them. The arrays are shared: tests must not change them.
 */
public final class TestFiles {

    public static final byte[] JPG = bytes(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01, 0x01, 0x00,
            0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9);
    public static final byte[] PNG = bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 'I', 'H', 'D',
            'R', 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00);
    public static final byte[] GIF = bytes('G', 'I', 'F', '8', '9', 'a', 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00,
            0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x3B);

    private TestFiles() {
    }

    /** The bytes of the given values, each cut to its low eight bits, so that 0xFF needs no cast. */
    public static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    public static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
