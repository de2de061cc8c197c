package io.github.mitakemms.camel.json;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LenientJsonTest {

    private static String normalize(String json) {
        return new String(LenientJson.normalize(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void plainJsonIsReturnedAsIs() {
        byte[] in = "{\"a\":[1,-2.5e3,true,null,\"x\\\"y\"],\"b\":0}".getBytes(StandardCharsets.UTF_8);
        assertThat(LenientJson.normalize(in)).isSameAs(in);
    }

    @Test
    void quotesWhatNoParserReads() {
        assertThat(normalize("{\"batchID\":11111111-2222-3333-4444-555555555555,\"msgID\":0000000001}"))
                .isEqualTo("{\"batchID\":\"11111111-2222-3333-4444-555555555555\",\"msgID\":\"0000000001\"}");
        assertThat(normalize("[007, 7, -01]")).isEqualTo("[\"007\", 7, \"-01\"]");
    }

    @Test
    void leavesStringsAndKeysAlone() {
        assertThat(normalize("{\"k\":\"0001 a-b\",\"0002\":1}")).isEqualTo("{\"k\":\"0001 a-b\",\"0002\":1}");
    }

    @Test
    void survivesGarbage() {
        assertThat(LenientJson.normalize(new byte[] { '{', (byte) 0xFF, '"' })).hasSize(3);
        assertThat(LenientJson.normalize("[".repeat(5000).getBytes(StandardCharsets.US_ASCII))).hasSize(5000);
        assertThat(LenientJson.normalize(new byte[0])).isEmpty();
    }
}
