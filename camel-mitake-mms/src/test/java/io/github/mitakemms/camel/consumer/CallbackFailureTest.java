package io.github.mitakemms.camel.consumer;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.mitakemms.camel.MitakeMmsConstants;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A callback is acknowledged only when the route handled every report: a failure gives 500, and the same callback sent
 * again is processed.
 */
class CallbackFailureTest extends CallbackTestSupport {

    /** The msgID of the first report of the spec's example. */
    private static final String FIRST = "301786034575282175";
    private static final String SECOND = "301786034986323969";

    private final AtomicInteger attempts = new AtomicInteger();

    @BindToRegistry("reports")
    private final IdempotentRepository repository = MemoryIdempotentRepository.memoryIdempotentRepository();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the first report of the first callback fails, as a database that is down for a moment would
                from("mitake-mms:callback?path=/plain")
                        .process(this::failTheFirstAttempt)
                        .to("mock:plain");
                from("mitake-mms:callback?path=/idempotent&idempotentRepository=#reports")
                        .process(this::failTheFirstAttempt)
                        .to("mock:idempotent");
                from("mitake-mms:callback?path=/handled")
                        .onException(IllegalStateException.class).handled(true).to("mock:dead").end()
                        .process(e -> {
                            throw new IllegalStateException("handled by the route");
                        });
                from("mitake-mms:callback?path=/rollback")
                        .markRollbackOnly();
            }

            private void failTheFirstAttempt(Exchange exchange) {
                if (attempts.incrementAndGet() == 1) {
                    throw new IllegalStateException("database is down");
                }
            }
        };
    }

    @Test
    void aFailedReportGives500AndTheResentCallbackIsProcessed() {
        HttpResponse<String> first = post("/plain", specExample());

        assertThat(first.statusCode()).isEqualTo(500);
        assertThat(first.body()).contains("1 of 2");
        // the other report of the callback was still tried
        assertThat(msgIds("mock:plain")).containsExactly(SECOND);

        HttpResponse<String> resent = post("/plain", specExample());

        assertThat(resent.statusCode()).isEqualTo(200);
        // without an idempotent repository the resend is routed whole: at least once
        assertThat(msgIds("mock:plain")).containsExactly(SECOND, FIRST, SECOND);
    }

    @Test
    void withARepositoryOnlyTheFailedReportIsProcessedAgain() {
        assertThat(post("/idempotent", specExample()).statusCode()).isEqualTo(500);
        assertThat(msgIds("mock:idempotent")).containsExactly(SECOND);
        assertThat(repository.contains("301786034222960645:" + FIRST + ":0")).isFalse();
        assertThat(repository.contains("301786034222960645:" + SECOND + ":0")).isTrue();

        HttpResponse<String> resent = post("/idempotent", specExample());

        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(resent.body()).contains("1 duplicate");
        assertThat(msgIds("mock:idempotent")).containsExactly(SECOND, FIRST);
    }

    @Test
    void aFailureTheRouteHandledIsAcknowledged() {
        HttpResponse<String> response = post("/handled", specExample());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(getMockEndpoint("mock:dead").getReceivedExchanges()).hasSize(2);
    }

    @Test
    void anExchangeMarkedForRollbackGives500() {
        assertThat(post("/rollback", specExample()).statusCode()).isEqualTo(500);
    }

    private List<Object> msgIds(String mock) {
        return getMockEndpoint(mock).getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader(MitakeMmsConstants.MSG_ID))
                .toList();
    }
}
