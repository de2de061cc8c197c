package io.github.mitakemms.camel.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.github.mitakemms.camel.exception.MitakeMmsException;
import io.github.mitakemms.camel.exception.MitakeMmsRetryableException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fault of {@link FaultCase}, served by the gateway for good, at each of the four calls (token, push,
 * queryBatchDR, querySingleDR), behind a route with {@code onException(MitakeMmsRetryableException.class)
 * .maximumRedeliveries(2)}: the exception kind, whether it is retryable, and how many requests Camel's redelivery made.
 * Writes the matrix to target/reliability/fault-matrix.md.
 */
class FaultMatrixTest extends ReliabilityTestSupport {

    static final int REDELIVERIES = 2;

    private final Figures figures = new Figures("faultMatrix");
    private final List<String> rows = new ArrayList<>();
    private final AtomicInteger routes = new AtomicInteger();

    Stream<Arguments> cases() {
        return OPERATIONS.stream().flatMap(op -> Stream.of(FaultCase.values()).map(f -> Arguments.of(op, f)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void faultIsClassifiedAndRedeliveredOnlyWhenRetryable(String op, FaultCase fault) throws Exception {
        gateway.resetAll();
        stubHealthyGateway();
        gateway.stubFor(target(op).atPriority(1).withName("fault " + fault).willReturn(fault.response()));
        String route = "fm-" + routes.incrementAndGet();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + route).routeId(route)
                        .onException(MitakeMmsRetryableException.class).maximumRedeliveries(REDELIVERIES)
                        .redeliveryDelay(0).end()
                        .to("mitake-mms:" + producerOperation(op) + "?clientId=" + route + fault.timeoutOption());
            }
        });

        Exchange out = template.send("direct:" + route, e -> fill(e, op, route));

        Throwable failure = out.getException();
        int attempts = gateway.countRequestsMatching(requested(op).build()).getCount();
        int tokenRequests = gateway.countRequestsMatching(requested("token").build()).getCount();
        Integer redelivered = out.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        figures.add(Figures.REQUESTS, requestsServed()).add(Figures.FAULTS, faultsServed())
                .add(Figures.LEAKED, Secrets.foundIn(failure).size() + Secrets.foundIn(out.getMessage()).size())
                .add(Figures.CRASHES, failure instanceof MitakeMmsException ? 0 : 1);

        assertThat(failure).as("the exchange fails with the fault's kind").isInstanceOf(fault.kind);
        MitakeMmsException e = (MitakeMmsException) failure;
        assertThat(e.isRetryable()).isEqualTo(fault.retryable());
        if (fault.code() != null) {
            assertThat(e.getCode()).isEqualTo(fault.code());
        }
        assertThat(Secrets.foundIn(failure)).isEmpty();
        assertThat(Secrets.foundIn(out.getMessage())).isEmpty();

        String outcome;
        // a token refused on a call (1003, 1005) is dropped; on the token request 1003 means wrong credentials
        boolean renewedOnce = (fault == FaultCase.CODE_1005 || fault == FaultCase.CODE_1003) && !"token".equals(op);
        if (fault == FaultCase.CODE_1007) {
            // not sent: made again inside the producer while its requestTimeout lasts, then redelivered by Camel
            assertThat(attempts).as("attempts").isGreaterThan(1 + REDELIVERIES);
            assertThat(redelivered).isEqualTo(REDELIVERIES);
            outcome = "not sent: made again inside the producer until requestTimeout, redelivered " + REDELIVERIES
                      + " times, " + attempts + " requests, then fails";
        } else if (fault.retryable()) {
            assertThat(attempts).as("attempts").isEqualTo(1 + REDELIVERIES);
            assertThat(redelivered).isEqualTo(REDELIVERIES);
            outcome = "redelivered " + REDELIVERIES + " times, " + attempts + " requests, then fails";
        } else if (renewedOnce) {
            // the producer renews the token once and retries once; Camel does not redeliver
            assertThat(attempts).isEqualTo(2);
            assertThat(tokenRequests).isEqualTo(2);
            assertThat(redelivered == null || redelivered == 0).isTrue();
            outcome = "token renewed once and the call sent once more inside the producer (2 requests, 2 token "
                      + "requests); not redelivered";
        } else {
            assertThat(attempts).as("attempts").isEqualTo(1);
            assertThat(redelivered == null || redelivered == 0).isTrue();
            outcome = "not redelivered: fails at once, 1 request";
        }
        rows.add("| " + op + " | " + fault.label + " | " + fault.kind.getSimpleName() + " | "
                 + (e.getCode() == null ? "-" : e.getCode()) + " | " + (e.getHttpStatus() == 0 ? "-" : e.getHttpStatus())
                 + " | " + (e.isRetryable() ? "yes" : "no") + " | " + outcome + " |");
    }

    @AfterAll
    void publish() {
        figures.add("cases", rows.size());
        figures.publish();
        StringBuilder md = new StringBuilder();
        md.append("| call | gateway does | exception kind | code | HTTP | retryable | with maximumRedeliveries(")
                .append(REDELIVERIES).append(") |\n|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> md.append(r).append('\n'));
        Figures.write("fault-matrix.md", md.toString());
    }
}
