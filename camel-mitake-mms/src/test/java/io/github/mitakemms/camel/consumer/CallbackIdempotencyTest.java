package io.github.mitakemms.camel.consumer;

import java.net.http.HttpResponse;
import java.util.List;

import io.github.mitakemms.camel.MitakeMmsConstants;
import io.github.mitakemms.camel.model.DeliveryReport;
import org.apache.camel.BindToRegistry;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an idempotent repository a report reaches the route once, however often the gateway sends it; a new status of
 * the same message is a new report.
 */
class CallbackIdempotencyTest extends CallbackTestSupport {

    @BindToRegistry("reports")
    private final IdempotentRepository repository = MemoryIdempotentRepository.memoryIdempotentRepository();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("mitake-mms:callback?path=/each&idempotentRepository=#reports").routeId("each").to("mock:each");
                from("mitake-mms:callback?path=/all&splitReports=false&idempotentRepository=#reports").to("mock:all");
            }
        };
    }

    @Test
    void aRepeatedReportReachesTheRouteOnce() {
        assertThat(post("/each", specExample()).statusCode()).isEqualTo(200);
        HttpResponse<String> repeated = post("/each", specExample());

        assertThat(repeated.statusCode()).isEqualTo(200);
        assertThat(repeated.body()).contains("0 delivery report(s) processed, 2 duplicate(s) skipped");
        assertThat(getMockEndpoint("mock:each").getReceivedExchanges()).hasSize(2);
        assertThat(repository.contains("301786034222960645:301786034575282175:0")).isTrue();
    }

    @Test
    void aNewStatusOfTheSameMessageIsRouted() {
        String accepted = "{\"messages\":[{\"batchID\":7,\"msgID\":8,\"status\":\"1\"}]}";
        String delivered = "{\"messages\":[{\"batchID\":7,\"msgID\":8,\"status\":\"0\"}]}";

        post("/each", accepted);
        post("/each", delivered);
        post("/each", delivered);

        assertThat(getMockEndpoint("mock:each").getReceivedExchanges())
                .extracting(e -> e.getMessage().getHeader(MitakeMmsConstants.STATUS))
                .containsExactly("1", "0");
    }

    @Test
    void aReportRepeatedInsideOneCallbackIsRoutedOnce() {
        String twice = "{\"messages\":[{\"batchID\":7,\"msgID\":8,\"status\":\"0\"},{\"batchID\":7,\"msgID\":8,\"status\":\"0\"}]}";

        assertThat(post("/each", twice).statusCode()).isEqualTo(200);
        assertThat(post("/all", twice.replace("\"msgID\":8", "\"msgID\":9")).statusCode()).isEqualTo(200);

        assertThat(getMockEndpoint("mock:each").getReceivedExchanges()).hasSize(1);
        assertThat(getMockEndpoint("mock:all").getReceivedExchanges()).singleElement()
                .satisfies(e -> assertThat(e.getMessage().getBody(List.class)).hasSize(1));
    }

    @Test
    void theListExchangeHoldsOnlyReportsNotProcessedYet() {
        post("/each", "{\"messages\":[{\"batchID\":301786034222960645,\"msgID\":301786034575282175,\"status\":\"0\"}]}");

        assertThat(post("/all", specExample()).statusCode()).isEqualTo(200);
        assertThat(post("/all", specExample()).statusCode()).isEqualTo(200);

        assertThat(getMockEndpoint("mock:all").getReceivedExchanges()).singleElement().satisfies(e -> {
            @SuppressWarnings("unchecked")
            List<DeliveryReport> reports = e.getMessage().getBody(List.class);
            assertThat(reports).extracting(DeliveryReport::getMsgId).containsExactly("301786034986323969");
        });
    }

    @Test
    void restartingTheRouteKeepsTheReportsProcessed() throws Exception {
        assertThat(post("/each", specExample()).statusCode()).isEqualTo(200);

        context.getRouteController().stopRoute("each");
        // the other route shares the repository and keeps using it
        assertThat(post("/all", specExample()).body()).contains("2 duplicate(s)");
        context.getRouteController().startRoute("each");

        assertThat(post("/each", specExample()).body()).contains("2 duplicate(s)");
        assertThat(getMockEndpoint("mock:each").getReceivedExchanges()).hasSize(2);
        assertThat(getMockEndpoint("mock:all").getReceivedExchanges()).isEmpty();
    }
}
