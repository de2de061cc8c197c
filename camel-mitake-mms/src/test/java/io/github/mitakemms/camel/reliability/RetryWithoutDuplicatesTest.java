package io.github.mitakemms.camel.reliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.mitakemms.camel.MitakeMmsConstants;
import io.github.mitakemms.camel.exception.MitakeMmsRetryableException;
import io.github.mitakemms.camel.model.PushResult;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway that fails then recovers, for every retryable fault at every call, behind
 * {@code onException(MitakeMmsRetryableException.class).maximumRedeliveries(3)}: every exchange ends delivered, and the
 * request journal shows that every retry of a push carried exactly the cIDs of its first attempt.
 */
class RetryWithoutDuplicatesTest extends ReliabilityTestSupport {

    static final int REDELIVERIES = 3;
    /** How many times in a row the gateway fails each exchange before it recovers. */
    static final int FAILURES = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Figures figures = new Figures("retry");
    private final AtomicInteger routes = new AtomicInteger();

    Stream<Arguments> cases() {
        return OPERATIONS.stream().flatMap(op -> Stream.of(FaultCase.values())
                .filter(f -> f.retryable() || f == FaultCase.CODE_1005 && !"token".equals(op))
                .map(f -> Arguments.of(op, f)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void failsThenRecoversWithoutSendingTwice(String op, FaultCase fault) throws Exception {
        gateway.resetAll();
        stubHealthyGateway();
        // a 1005 is handled inside the producer by one renewal and one retry: it may come once in a row
        int failures = fault == FaultCase.CODE_1005 ? 1 : FAILURES;
        String route = "rt-" + routes.incrementAndGet();
        failThenRecover(route, () -> target(op), fault.response(), failures, successOf(op));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + route).routeId(route)
                        .onException(MitakeMmsRetryableException.class).maximumRedeliveries(REDELIVERIES)
                        .redeliveryDelay(0).end()
                        // a token fault needs a token request per exchange: one account per exchange
                        .toD("mitake-mms:" + producerOperation(op) + "?clientId=${header.account}" + fault.timeoutOption());
            }
        });

        int exchanges = fault == FaultCase.DELAY_PAST_TIMEOUT ? 2 : 5;
        int delivered = 0;
        for (int i = 0; i < exchanges; i++) {
            String marker = route + "-" + i;
            String account = "token".equals(op) ? marker : route;
            Exchange out = template.send("direct:" + route, e -> {
                fill(e, op, marker);
                e.getMessage().setHeader("account", account);
            });
            if (out.getException() == null) {
                delivered++;
            }
            figures.add(Figures.LEAKED, Secrets.foundIn(out.getException()).size()
                                        + Secrets.foundIn(out.getMessage()).size());
        }

        Journal journal = pushJournal();
        int expectedAttempts = "push".equals(op) ? failures + 1 : 1;
        figures.add(Figures.REQUESTS, requestsServed()).add(Figures.FAULTS, faultsServed())
                .add(Figures.LOST, exchanges - delivered).add(Figures.DUPLICATES, journal.duplicates)
                .add("exchanges", exchanges).add("delivered", delivered)
                .add("pushRetries", journal.attempts - journal.byMarker.size());

        assertThat(delivered).as("delivered").isEqualTo(exchanges);
        assertThat(faultsServed()).as("faults served").isEqualTo((long) exchanges * failures);
        assertThat(journal.byMarker).hasSize("queryBatchDR".equals(op) || "querySingleDR".equals(op) ? 0 : exchanges);
        journal.byMarker.values().forEach(attempts -> assertThat(attempts).hasSize(expectedAttempts));
        assertThat(journal.duplicates).as("destinations that could be sent twice").isZero();
    }

    /**
     * A push of 1,200 destinations is split into three calls of at most 500; the second call fails. The redelivery sends
     * all three again, the first one included: with the same cIDs, so that the gateway answers it with its earlier
     * result.
     */
    @Test
    void splitPushRetriedAfterItsSecondCallFailsSendsTheSameCids() throws Exception {
        gateway.resetAll();
        stubHealthyGateway();
        String s = "split";
        gateway.stubFor(target("push").atPriority(1).withName("ok 1st call").inScenario(s).whenScenarioStateIs(STARTED)
                .willReturn(FaultCase.json(PUSH_OK)).willSetStateTo("second"));
        gateway.stubFor(target("push").atPriority(1).withName("fault reset").inScenario(s).whenScenarioStateIs("second")
                .willReturn(FaultCase.CONNECTION_RESET.response()).willSetStateTo("recovered"));
        gateway.stubFor(target("push").atPriority(1).withName("ok").inScenario(s).whenScenarioStateIs("recovered")
                .willReturn(FaultCase.json(PUSH_OK)));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:split").routeId("split")
                        .onException(MitakeMmsRetryableException.class).maximumRedeliveries(REDELIVERIES)
                        .redeliveryDelay(0).end()
                        .to("mitake-mms:push?clientId=split");
            }
        });
        List<String> to = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            to.add(String.format("09%08d", i));
        }
        Exchange out = template.send("direct:split", e -> {
            fill(e, "push", "split");
            e.getMessage().setHeader(MitakeMmsConstants.TO, to);
        });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(PushResult.class).getBatchIds()).hasSize(3);
        List<LoggedRequest> pushes = gateway.findAll(requested("push"));
        assertThat(pushes).hasSize(5); // 1st, 2nd (reset), then 1st, 2nd, 3rd again
        Map<String, Set<String>> cidsByPhone = new HashMap<>();
        Set<String> allCids = new LinkedHashSet<>();
        for (LoggedRequest r : pushes) {
            for (JsonNode d : JSON.readTree(r.getBodyAsString()).get("destinations")) {
                cidsByPhone.computeIfAbsent(d.get("to").asText(), k -> new LinkedHashSet<>()).add(d.get("cID").asText());
                allCids.add(d.get("cID").asText());
            }
        }
        long duplicates = cidsByPhone.values().stream().mapToLong(c -> c.size() - 1).sum();
        figures.add(Figures.REQUESTS, requestsServed()).add(Figures.FAULTS, faultsServed())
                .add(Figures.LOST, out.getException() == null ? 0 : 1).add(Figures.DUPLICATES, duplicates)
                .add("exchanges", 1).add("delivered", out.getException() == null ? 1 : 0)
                .add("pushRetries", pushes.size() - 3);
        assertThat(cidsByPhone).hasSize(1_200);
        assertThat(duplicates).isZero();
        assertThat(allCids).hasSize(1_200);
    }

    @AfterAll
    void publish() {
        figures.publish();
    }

    /** Each exchange: {@code failures} faults in a row, then a success, then the cycle starts again. */
    private void failThenRecover(String scenario, Supplier<MappingBuilder> target, ResponseDefinitionBuilder fault,
                                 int failures, ResponseDefinitionBuilder success) {
        for (int i = 0; i < failures; i++) {
            gateway.stubFor(target.get().atPriority(1).withName("fault " + i).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? STARTED : "failed-" + i)
                    .willReturn(fault).willSetStateTo(i + 1 == failures ? "recovered" : "failed-" + (i + 1)));
        }
        gateway.stubFor(target.get().atPriority(1).withName("recovered").inScenario(scenario)
                .whenScenarioStateIs("recovered").willReturn(success).willSetStateTo(STARTED));
    }

    private ResponseDefinitionBuilder successOf(String op) {
        return switch (op) {
            case "token" -> FaultCase.json("{\"accessToken\":\"" + token + "\",\"tokenType\":\"bearer\","
                                           + "\"expiresIn\":\"33346\"}");
            case "push" -> FaultCase.json(PUSH_OK);
            default -> FaultCase.json(QUERY_OK);
        };
    }

    /** The push requests by content marker, each attempt as its list of cIDs, and the duplicates they allow. */
    private Journal pushJournal() throws Exception {
        Journal j = new Journal();
        Map<String, Set<String>> cidsByDestination = new HashMap<>();
        Map<String, String> markerOfCid = new HashMap<>();
        for (LoggedRequest r : gateway.findAll(requested("push"))) {
            JsonNode body = JSON.readTree(r.getBodyAsString());
            String marker = body.get("content").asText();
            List<String> cids = new ArrayList<>();
            JsonNode destinations = body.get("destinations");
            for (int i = 0; i < destinations.size(); i++) {
                String cid = destinations.get(i).get("cID").asText();
                cids.add(cid);
                cidsByDestination.computeIfAbsent(marker + "#" + i, k -> new LinkedHashSet<>()).add(cid);
                String other = markerOfCid.putIfAbsent(cid, marker + "#" + i);
                if (other != null && !other.equals(marker + "#" + i)) {
                    j.duplicates++; // one cID for two different messages: one of them would be lost
                }
            }
            j.byMarker.computeIfAbsent(marker, k -> new ArrayList<>()).add(cids);
            j.attempts++;
        }
        for (Set<String> c : cidsByDestination.values()) {
            j.duplicates += c.size() - 1;
        }
        return j;
    }

    private static final class Journal {
        final Map<String, List<List<String>>> byMarker = new LinkedHashMap<>();
        long attempts;
        long duplicates;
    }
}
