package io.github.mitakemms.camel.validation;

import java.util.Base64;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Base64AlphabetTest {

    private static final String BASE64 = Base64.getEncoder().withoutPadding().encodeToString(random(3000));

    @Test
    void acceptsTheWholeAlphabet() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        assertThat(Base64Alphabet.firstOutside(alphabet, alphabet.length())).isEqualTo(-1);
        assertThat(Base64Alphabet.firstOutside(BASE64, BASE64.length())).isEqualTo(-1);
    }

    @Test
    void findsEveryOtherCharacterWhereverItIs() {
        for (int c = 0; c < 0x10000; c++) {
            boolean in = c < 0x80 && Base64Alphabet.inAlphabet((byte) c);
            for (int at : new int[] { 0, 5, 8, 13, 2999 }) {
                String s = BASE64.substring(0, at) + (char) c + BASE64.substring(at + 1);
                assertThat(Base64Alphabet.firstOutside(s, s.length())).as("char %04x at %d", c, at)
                        .isEqualTo(in ? -1 : at);
            }
        }
    }

    @Test
    void looksOnlyBeforeTheEnd() {
        String s = BASE64.substring(0, 20) + "==";
        assertThat(Base64Alphabet.firstOutside(s, 20)).isEqualTo(-1);
        assertThat(Base64Alphabet.firstOutside(s, 21)).isEqualTo(20);
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }
}
