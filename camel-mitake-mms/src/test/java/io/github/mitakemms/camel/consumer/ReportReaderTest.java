package io.github.mitakemms.camel.consumer;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.mitakemms.camel.model.DeliveryReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportReaderTest {

    @Test
    void keepsEveryDigitOfIdsBeyondTwoToThe53() throws Exception {
        List<DeliveryReport> reports = read(
                "{\"messages\":[{\"batchID\":301786034222960645,\"msgID\":9007199254740993,\"status\":\"0\"},"
                                            + "{\"batchID\":123456789012345678901234567890,\"msgID\":\"0000000001\",\"status\":0}]}");

        assertThat(reports).extracting(DeliveryReport::getBatchId)
                .containsExactly("301786034222960645", "123456789012345678901234567890");
        assertThat(reports).extracting(DeliveryReport::getMsgId).containsExactly("9007199254740993", "0000000001");
        assertThat(reports).extracting(DeliveryReport::getStatus).containsExactly("0", "0");
    }

    @Test
    void acceptsASingleReportWithoutArray() throws Exception {
        List<DeliveryReport> reports = read("{\"messages\":{\"batchID\":1,\"msgID\":2,\"status\":\"1000\"}}");

        assertThat(reports).singleElement().satisfies(r -> assertThat(r.getStatus()).isEqualTo("1000"));
    }

    @Test
    void namesWhatIsWrong() {
        assertRejected("null", "expected a JSON object");
        assertRejected("\"text\"", "expected a JSON object");
        assertRejected("{\"messages\":[null]}", "messages[0] is null");
        assertRejected("{\"messages\":[{\"batchID\":\" \",\"msgID\":\"\",\"status\":\"0\"}]}",
                "messages[0] has no batchID, msgID");
        assertRejected("{\"messages\":[{\"batchID\":{\"a\":1},\"msgID\":2,\"status\":\"0\"}]}",
                "unexpected value at messages[0].batchID");
        assertRejected("{\"messages\":[{\"batchID\":1,\"msgID\":2,\"status\":\"0\"}", "not valid JSON (line 1");
    }

    @Test
    void readsTheOtherReportsWhenOneIsUnreadable() throws Exception {
        CallbackReports reports = ReportReader.read(utf8("{\"messages\":[{\"batchID\":1,\"msgID\":2,\"status\":\"0\"},"
                                                         + "{\"batchID\":1,\"status\":\"0\",\"extra\":[1,2]},null,7,"
                                                         + "{\"batchID\":1,\"msgID\":{\"a\":1},\"status\":\"0\"},"
                                                         + "{\"batchID\":1,\"msgID\":0000000003,\"status\":2,},]}"));

        assertThat(reports.readable()).extracting(DeliveryReport::getMsgId).containsExactly("2", "0000000003");
        assertThat(reports.total()).isEqualTo(6);
        assertThat(reports.unreadable()).extracting(CallbackReports.Unreadable::index).containsExactly(1, 2, 3, 4);
        assertThat(reports.unreadable()).extracting(CallbackReports.Unreadable::problem).containsExactly(
                "messages[1] has no msgID", "messages[2] is null", "messages[3] is not a JSON object",
                "unexpected value at messages[4].msgID");
        // each unreadable report keeps its JSON, unknown fields included
        assertThat(reports.unreadable().get(0).json()).isEqualTo("{\"batchID\":1,\"status\":\"0\",\"extra\":[1,2]}");
        assertThat(reports.unreadable().get(1).json()).isEqualTo("null");
    }

    @Test
    void aNumberBeyondADoubleIsNoIdEvenBesideReadableReports() throws Exception {
        CallbackReports reports = ReportReader.read(utf8("{\"messages\":[{\"batchID\":1,\"msgID\":2,\"status\":\"0\"},"
                                                         + "{\"batchID\":1,\"msgID\":1e400,\"status\":\"0\"},"
                                                         + "{\"batchID\":-1e400,\"msgID\":3,\"status\":\"0\"},"
                                                         + "{\"batchID\":1,\"msgID\":4,\"status\":\"0\",\"point\":1e400}]}"));

        assertThat(reports.readable()).extracting(DeliveryReport::getMsgId).containsExactly("2");
        assertThat(reports.unreadable()).extracting(CallbackReports.Unreadable::problem).containsExactly(
                "unexpected value at messages[1].msgID", "unexpected value at messages[2].batchID",
                "unexpected value at messages[3].point");
    }

    @Test
    void aBodyWhoseReportsAreAllUnreadableIsRefusedNamingEach() {
        assertRejected("{\"messages\":[{\"batchID\":1,\"status\":\"0\"},{\"batchID\":1,\"msgID\":2,\"status\":[]}]}",
                "not a delivery report: messages[0] has no msgID; unexpected value at messages[1].status");
    }

    @Test
    void reasonsNeverQuoteTheBody() {
        assertThatThrownBy(() -> read("{\"messages\":[{\"batchID\":1,\"msgID\":2,\"status\":\"0\",\"point\":\"SECRET\"}]}"))
                .isInstanceOf(CallbackRejectedException.class)
                .hasMessageNotContaining("SECRET");
        assertThatThrownBy(() -> read("{\"messages\": SECRET_TOKEN!}"))
                .isInstanceOf(CallbackRejectedException.class)
                .hasMessageNotContaining("SECRET");
    }

    @Test
    void refusesInvalidUtf8ThatTheJsonParserWouldDecode() {
        byte[] prefix = "{\"messages\":[{\"batchID\":1,\"msgID\":\"a".getBytes(StandardCharsets.US_ASCII);
        byte[] suffix = "b\",\"status\":\"0\"}]}".getBytes(StandardCharsets.US_ASCII);
        byte[][] invalid = { { (byte) 0xC0, (byte) 0xAF }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
                             { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, { (byte) 0xFF }, { (byte) 0xE4, (byte) 0xB8 } };
        for (byte[] bad : invalid) {
            byte[] body = new byte[prefix.length + bad.length + suffix.length];
            System.arraycopy(prefix, 0, body, 0, prefix.length);
            System.arraycopy(bad, 0, body, prefix.length, bad.length);
            System.arraycopy(suffix, 0, body, prefix.length + bad.length, suffix.length);
            assertThatThrownBy(() -> ReportReader.read(body))
                    .isInstanceOfSatisfying(CallbackRejectedException.class,
                            e -> assertThat(e.getHttpStatus()).isEqualTo(400))
                    .hasMessageContaining("not valid UTF-8");
        }
    }

    @Test
    void theUtf8CheckAgreesWithTheJdksStrictDecoder() {
        java.util.Random random = new java.util.Random(20261127);
        java.nio.charset.CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        for (int n = 0; n < 200_000; n++) {
            byte[] bytes = new byte[1 + random.nextInt(6)];
            random.nextBytes(bytes);
            boolean jdk;
            try {
                strict.reset().decode(java.nio.ByteBuffer.wrap(bytes));
                jdk = true;
            } catch (java.nio.charset.CharacterCodingException e) {
                jdk = false;
            }
            assertThat(ReportReader.isUtf8(bytes)).as(java.util.HexFormat.of().formatHex(bytes)).isEqualTo(jdk);
        }
        assertThat(ReportReader.isUtf8("訊息 ok 😀".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void acceptsMultiByteUtf8() throws Exception {
        assertThat(read("{\"messages\":[{\"batchID\":1,\"msgID\":\"訊息\",\"status\":\"0\"}]}"))
                .singleElement().satisfies(r -> assertThat(r.getMsgId()).isEqualTo("訊息"));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertRejected(String body, String reason) {
        assertThatThrownBy(() -> read(body))
                .as(body)
                .isInstanceOfSatisfying(CallbackRejectedException.class,
                        e -> assertThat(e.getHttpStatus()).isEqualTo(400))
                .hasMessageContaining(reason);
    }

    private static List<DeliveryReport> read(String body) throws CallbackRejectedException {
        CallbackReports reports = ReportReader.read(body.getBytes(StandardCharsets.UTF_8));
        assertThat(reports.unreadable()).as("unreadable reports of %s", body).isEmpty();
        return reports.readable();
    }
}
