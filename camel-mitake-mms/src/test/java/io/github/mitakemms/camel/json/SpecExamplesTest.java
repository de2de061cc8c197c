package io.github.mitakemms.camel.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.github.mitakemms.camel.model.CallbackRequest;
import io.github.mitakemms.camel.model.MmsMessage;
import io.github.mitakemms.camel.model.MmsStatus;
import io.github.mitakemms.camel.model.PushResponse;
import io.github.mitakemms.camel.model.QueryResponse;
import io.github.mitakemms.camel.model.TokenResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every JSON example printed in the API specification, copied as text into src/test/resources/spec, parses.
 */
class SpecExamplesTest {

    @Test
    void tokenResponse() throws IOException {
        TokenResponse t = MitakeMmsJson.read(spec("token-response.json"), TokenResponse.class);
        assertThat(t.getAccessToken()).isEqualTo("xTV1tbhjz1k67GnC");
        assertThat(t.getTokenType()).isEqualTo("bearer");
        assertThat(t.getExpiresIn()).isEqualTo("33346");
        assertThat(t.isFailure()).isFalse();
        assertThat(t.toString()).doesNotContain("xTV1tbhjz1k67GnC");
    }

    @Test
    void pushRequest() throws IOException {
        MmsMessage m = MitakeMmsJson.read(spec("push-request.json"), MmsMessage.class);
        assertThat(m.getSubject()).isEqualTo("mms subject");
        assertThat(m.getDestinations()).extracting("to").containsExactly("0911111111", "0922222222");
        assertThat(m.getDestinations()).extracting("cId").containsExactly("clientID001", "clientID002");
        assertThat(m.getAttachments()).extracting("attachName").containsExactly("mitake01.jpg", "mitake02.jpg");
    }

    @Test
    void pushResponseFirstBlockAsPrinted() throws IOException {
        // bare UUID batchID, zero-padded msgID, trailing commas after the message and after the array
        PushResponse r = MitakeMmsJson.read(spec("push-response.txt"), PushResponse.class);
        assertThat(r.getBatchId()).isEqualTo("11111111-2222-3333-4444-555555555555");
        assertThat(r.getMessages()).hasSize(1);
        assertThat(r.getMessages().get(0).getMsgId()).isEqualTo("0000000001");
        assertThat(r.getMessages().get(0).getCId()).isEqualTo("clientID001");
        assertThat(r.getMessages().get(0).getMmsStatus()).isEqualTo(MmsStatus.ACCEPTED);
        assertThat(r.getMessages().get(0).getStatusDesc()).isEqualTo("已送達三竹");
        assertThat(r.getMessages().get(0).getPoint()).isEqualByComparingTo("3");
        assertThat(r.isFailure()).isFalse();
    }

    @Test
    void pushResponseReassembled() throws IOException {
        PushResponse r = MitakeMmsJson.read(spec("push-response-reassembled.txt"), PushResponse.class);
        assertThat(r.getMessages()).extracting("msgId").containsExactly("0000000001", "0000000002");
        assertThat(r.getCostPoints()).isEqualByComparingTo("6");
        assertThat(r.getAccountPoints()).isEqualByComparingTo("9994");
    }

    @Test
    void queryBatchResponseKeepsEveryDigit() throws IOException {
        QueryResponse r = MitakeMmsJson.read(spec("querybatch-response.json"), QueryResponse.class);
        assertThat(r.getBatchId()).isEqualTo("304934976469110800");
        assertThat(r.getMessages()).extracting("msgId").containsExactly("304934980000714750", "306379313648275460");
        assertThat(r.getMessages().get(0).getMmsStatus()).isEqualTo(MmsStatus.DELIVERED);
        assertThat(r.getMessages().get(1).getMmsStatus()).isEqualTo(MmsStatus.SCHEDULED);
        assertThat(r.getMessages().get(1).getMmsStatus().isFinal()).isFalse();
    }

    @Test
    void querySingleResponseAsPrintedAndReassembled() throws IOException {
        QueryResponse first = MitakeMmsJson.read(spec("querysingle-response.txt"), QueryResponse.class);
        assertThat(first.getMessages()).hasSize(2);
        assertThat(first.getMessages().get(1).getMmsStatus()).isEqualTo(MmsStatus.EXPIRED);
        assertThat(first.getMessages().get(1).getPoint()).isNull();

        QueryResponse whole = MitakeMmsJson.read(spec("querysingle-response-reassembled.txt"), QueryResponse.class);
        assertThat(whole.getMessages().get(1).getPoint()).isEqualByComparingTo("3");
        assertThat(whole.getMessages().get(1).getMsgId()).isEqualTo("306379313648275460");
    }

    @Test
    void queryRequests() throws IOException {
        assertThat(new String(spec("querybatch-request.json"), StandardCharsets.UTF_8)).contains("304934976469110784");
        // what the component writes for the same ids is the spec's text
        assertThat(new String(write(new io.github.mitakemms.camel.model.BatchQuery("304934976469110784", null)),
                StandardCharsets.UTF_8)).isEqualTo("{\"batchID\":304934976469110784}");
        assertThat(new String(write(new io.github.mitakemms.camel.model.BatchQuery("304934976469110800",
                java.util.List.of("304934980000714750", "306379313648275460"))), StandardCharsets.UTF_8))
                .isEqualTo("{\"batchID\":304934976469110800,\"msgIDs\":[304934980000714750,306379313648275460]}");
    }

    @Test
    void callbackRequest() throws IOException {
        CallbackRequest c = MitakeMmsJson.read(spec("callback-request.json"), CallbackRequest.class);
        assertThat(c.getMessages()).extracting("batchId").containsOnly("301786034222960645");
        assertThat(c.getMessages()).extracting("msgId").containsExactly("301786034575282175", "301786034986323969");
        assertThat(c.getMessages()).extracting("statusTime").containsOnly("20200828162035");
    }

    @Test
    void quirksOfTypes() throws IOException {
        QueryResponse r = MitakeMmsJson.read("""
                {"batchID":"abc","messages":[{"msgID":"007","status":0,"point":"3","unknown":{"x":[1,2]}},],"extra":true}
                """.getBytes(StandardCharsets.UTF_8), QueryResponse.class);
        assertThat(r.getBatchId()).isEqualTo("abc");
        assertThat(r.getMessages().get(0).getMsgId()).isEqualTo("007");
        assertThat(r.getMessages().get(0).getStatus()).isEqualTo("0");
        assertThat(r.getMessages().get(0).getPoint()).isEqualByComparingTo("3");
    }

    @Test
    void nonNumericIdsAreWrittenAsStrings() throws IOException {
        assertThat(new String(write(new io.github.mitakemms.camel.model.BatchQuery(
                "11111111-2222-3333-4444-555555555555", null)), StandardCharsets.UTF_8))
                .isEqualTo("{\"batchID\":\"11111111-2222-3333-4444-555555555555\"}");
    }

    static byte[] spec(String name) throws IOException {
        try (InputStream in = SpecExamplesTest.class.getResourceAsStream("/spec/" + name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] write(Object value) throws java.io.IOException {
        MitakeMmsJson.Buffer buffer = MitakeMmsJson.writeToBuffer(value);
        return java.util.Arrays.copyOf(buffer.array(), buffer.size());
    }
}
