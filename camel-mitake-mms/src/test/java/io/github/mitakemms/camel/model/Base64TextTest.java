package io.github.mitakemms.camel.model;

import java.util.Base64;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Base64TextTest {

    private static final String BASE64 = Base64.getEncoder().withoutPadding().encodeToString(random(3000));

    @Test
    void acceptsTheWholeAlphabet() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        assertThat(Base64Text.firstOutside(latin1(alphabet), alphabet.length())).isEqualTo(-1);
        assertThat(Base64Text.firstOutside(latin1(BASE64), BASE64.length())).isEqualTo(-1);
    }

    @Test
    void findsEveryOtherCharacterWhereverItIs() {
        for (int c = 0; c < 0x10000; c++) {
            boolean in = c < 0x80 && Base64Text.inAlphabet((byte) c);
            for (int at : new int[] { 0, 5, 8, 13, 2999 }) {
                String s = BASE64.substring(0, at) + (char) c + BASE64.substring(at + 1);
                assertThat(Base64Text.firstOutside(latin1(s), s.length())).as("char %04x at %d", c, at)
                        .isEqualTo(in ? -1 : at);
            }
        }
    }

    @Test
    void looksOnlyBeforeTheEnd() {
        String s = BASE64.substring(0, 20) + "==";
        assertThat(Base64Text.firstOutside(latin1(s), 20)).isEqualTo(-1);
        assertThat(Base64Text.firstOutside(latin1(s), 21)).isEqualTo(20);
    }

    private static byte[] latin1(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Test
    void tellsWhereTextStopsBeingPaddedBase64() {
        assertThat(Base64Text.error(latin1("QUJD"))).isEqualTo(-1);
        assertThat(Base64Text.error(latin1("QUI="))).isEqualTo(-1);
        assertThat(Base64Text.error(latin1("QQ=="))).isEqualTo(-1);
        assertThat(Base64Text.error(latin1("QUJ"))).isEqualTo(3);
        assertThat(Base64Text.error(latin1("QU=D"))).isEqualTo(2);
        assertThat(Base64Text.error(latin1("QUJD\n"))).isEqualTo(4);
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }
}
