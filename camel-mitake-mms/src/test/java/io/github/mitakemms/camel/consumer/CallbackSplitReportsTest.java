package io.github.mitakemms.camel.consumer;

import java.util.List;

import io.github.mitakemms.camel.model.DeliveryReport;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * splitReports=false gives the route the whole callback as one exchange with a List of reports.
 */
class CallbackSplitReportsTest extends CallbackTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("mitake-mms:callback?path=/all&splitReports=false").to("mock:all");
                from("mitake-mms:callback?path=/failing&splitReports=false")
                        .throwException(new IllegalStateException("database is down"));
            }
        };
    }

    @Test
    void theWholeCallbackIsOneExchange() {
        assertThat(post("/all", specExample()).statusCode()).isEqualTo(200);

        List<Exchange> received = getMockEndpoint("mock:all").getReceivedExchanges();
        assertThat(received).hasSize(1);
        @SuppressWarnings("unchecked")
        List<DeliveryReport> reports = received.get(0).getMessage().getBody(List.class);
        assertThat(reports).extracting(DeliveryReport::getMsgId)
                .containsExactly("301786034575282175", "301786034986323969");
        assertThat(reports).extracting(DeliveryReport::getBatchId).containsOnly("301786034222960645");
    }

    @Test
    void aFailedListGives500() {
        assertThat(post("/failing", specExample()).statusCode()).isEqualTo(500);
    }
}
