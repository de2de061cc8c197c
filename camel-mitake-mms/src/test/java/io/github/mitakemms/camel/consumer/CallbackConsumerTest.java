package io.github.mitakemms.camel.consumer;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.github.mitakemms.camel.MitakeMmsConstants;
import io.github.mitakemms.camel.model.DeliveryReport;
import io.github.mitakemms.camel.model.MmsStatus;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The callback consumer over real HTTP: mapping of the reports, and the answers to requests that are not a callback.
 */
class CallbackConsumerTest extends CallbackTestSupport {

    private static final String PATH = "/mitake/callback-5f0c2a9e";
    private static final String SMALL_PATH = "/mitake/small";

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("mitake-mms:callback?path=" + PATH).to("mock:reports");
                from("mitake-mms:callback?path=" + SMALL_PATH + "&maxBodySize=200").to("mock:small");
                // as the documentation shows it
                from("mitake-mms:callback?path=/simple")
                        .setHeader("final", simple("${body.mmsStatus.final}"))
                        .setHeader("success", simple("${body.mmsStatus.success}"))
                        .to("mock:simple");
            }
        };
    }

    @Test
    void specExampleGivesOneExchangePerReportWithFullPrecisionIds() throws Exception {
        HttpResponse<String> response = post(PATH, specExample());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("OK");
        List<Exchange> received = getMockEndpoint("mock:reports").getReceivedExchanges();
        assertThat(received).hasSize(2);

        DeliveryReport first = received.get(0).getMessage().getBody(DeliveryReport.class);
        assertThat(first.getBatchId()).isEqualTo("301786034222960645");
        assertThat(first.getMsgId()).isEqualTo("301786034575282175");
        assertThat(first.getStatus()).isEqualTo("0");
        assertThat(first.getMmsStatus()).isEqualTo(MmsStatus.DELIVERED);
        assertThat(first.getMmsStatus().isFinal()).isTrue();
        assertThat(first.getMmsStatus().isSuccess()).isTrue();
        assertThat(first.getStatusTime()).isEqualTo("20200828162035");
        assertThat(first.getPoint()).isEqualByComparingTo("3");

        Message second = received.get(1).getMessage();
        assertThat(second.getBody(DeliveryReport.class).getMsgId()).isEqualTo("301786034986323969");
        assertThat(second.getHeader(MitakeMmsConstants.BATCH_ID)).isEqualTo("301786034222960645");
        assertThat(second.getHeader(MitakeMmsConstants.MSG_ID)).isEqualTo("301786034986323969");
        assertThat(second.getHeader(MitakeMmsConstants.STATUS)).isEqualTo("0");
        assertThat(second.getHeader(MitakeMmsConstants.STATUS_TIME)).isEqualTo("20200828162035");
        assertThat(second.getHeader(MitakeMmsConstants.POINT)).isEqualTo(new java.math.BigDecimal("3"));
        // the route sees the report, not the HTTP request
        assertThat(second.getHeader(Exchange.HTTP_METHOD)).isNull();
        assertThat(second.getHeader("Content-Type")).isNull();
    }

    @Test
    void readsTheGatewaysJsonLeniently() {
        String body = "{\"messages\":[{\"batchID\":\"6d6b7a3e-1c1f-4d1b-9b7e-2f1b1e9a0c11\",\"msgID\":0000000001,"
                      + "\"status\":2,\"statusTime\":\"20200828162035\",\"point\":\"3\",\"extra\":true,},]}";

        HttpResponse<String> response = post(PATH, body);

        assertThat(response.statusCode()).isEqualTo(200);
        List<Exchange> received = getMockEndpoint("mock:reports").getReceivedExchanges();
        assertThat(received).hasSize(1);
        DeliveryReport report = received.get(0).getMessage().getBody(DeliveryReport.class);
        assertThat(report.getBatchId()).isEqualTo("6d6b7a3e-1c1f-4d1b-9b7e-2f1b1e9a0c11");
        assertThat(report.getMsgId()).isEqualTo("0000000001");
        assertThat(report.getMmsStatus()).isEqualTo(MmsStatus.SENT_TO_CARRIER);
        assertThat(report.getMmsStatus().isFinal()).isFalse();
        assertThat(report.getPoint()).isEqualByComparingTo("3");
    }

    @Test
    void bodiesThatAreNotACallbackGive400AndTheConsumerKeepsServing() throws Exception {
        Map<String, String> cases = Map.of(
                "", "empty",
                "   ", "empty",
                "{\"messages\": [", "not valid JSON",
                "{\"messages\": [{\"batchID\": 1, \"msgID\": 2, \"status\": \"0\"}] oops}", "not valid JSON",
                "[1, 2]", "not a callback",
                "{\"messages\": \"x\"}", "messages",
                "{}", "no messages array",
                "{\"messages\": []}", "empty",
                "{\"messages\": [{\"batchID\": 1, \"status\": \"0\"}, {\"msgID\": 2}]}",
                "messages[0] has no msgID; messages[1] has no batchID, status",
                "{\"messages\": [{\"batchID\": 1, \"msgID\": 2, \"status\": \"0\", \"point\": \"many\"}]}",
                "messages[0].point");

        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> response = post(PATH, c.getKey());
            assertThat(response.statusCode()).as("answer to <%s>", c.getKey()).isEqualTo(400);
            assertThat(response.body()).as("reason for <%s>", c.getKey()).startsWith("Bad Request: ")
                    .contains(c.getValue());
        }
        assertThat(getMockEndpoint("mock:reports").getReceivedExchanges()).isEmpty();

        assertThat(post(PATH, specExample()).statusCode()).isEqualTo(200);
        assertThat(getMockEndpoint("mock:reports").getReceivedExchanges()).hasSize(2);
    }

    @Test
    void oversizedBodiesGive413AndTheConsumerKeepsServing() {
        String oversized = specExample();
        assertThat(oversized.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(200);

        // declared by Content-Length
        HttpResponse<String> declared = post(SMALL_PATH, oversized);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("maxBodySize (200 bytes)");

        // sent chunked, without Content-Length: the bytes read decide
        byte[] bytes = oversized.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(uri(SMALL_PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(getMockEndpoint("mock:small").getReceivedExchanges()).isEmpty();

        HttpResponse<String> small = post(SMALL_PATH,
                "{\"messages\":[{\"batchID\":1,\"msgID\":2,\"status\":\"0\"}]}");
        assertThat(small.statusCode()).isEqualTo(200);
        assertThat(getMockEndpoint("mock:small").getReceivedExchanges()).hasSize(1);
    }

    @Test
    void otherMethodsGive405() {
        HttpResponse<String> get = send(HttpRequest.newBuilder(uri(PATH)).GET().build());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(get.body()).contains("POST");

        HttpResponse<String> put = send(HttpRequest.newBuilder(uri(PATH))
                .PUT(HttpRequest.BodyPublishers.ofString(specExample())).build());
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(getMockEndpoint("mock:reports").getReceivedExchanges()).isEmpty();
    }

    @Test
    void requestHeadersAreNotEchoedInTheAnswer() {
        HttpResponse<String> response = post(PATH, specExample(), "X-Secret-Probe", "abc");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Secret-Probe")).isEmpty();
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
    }

    @Test
    void simpleReadsTheTypedStatusOfTheBody() {
        assertThat(post("/simple", "{\"messages\":[{\"batchID\":1,\"msgID\":2,\"status\":\"2003\"},"
                                   + "{\"batchID\":1,\"msgID\":3,\"status\":\"1\"}]}").statusCode()).isEqualTo(200);

        List<Exchange> received = getMockEndpoint("mock:simple").getReceivedExchanges();
        assertThat(received).extracting(e -> e.getMessage().getHeader("final", Boolean.class)).containsExactly(true, false);
        assertThat(received).extracting(e -> e.getMessage().getHeader("success", Boolean.class))
                .containsExactly(false, false);
    }
}
