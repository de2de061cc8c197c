package io.github.mitakemms.camel.monitoring;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.mitakemms.camel.MitakeMmsEndpoint;
import io.github.mitakemms.camel.MitakeMmsOperation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleResolver;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scripted run (a push with one destination refused, a push refused with 3001, a query), then the counters as the
 * dev console (text and JSON), JMX and Micrometer show them, none showing the secret or the token.
 */
class CountersAfterARunTest extends OperationsTestSupport {

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("metricsRegistry", meters);
        return context;
    }

    @Test
    void theConsoleJmxAndMicrometerShowTheRun() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:push").routeId("pushes").to("mitake-mms:push?subject=Hello");
                from("direct:query").routeId("queries").to("mitake-mms:queryBatchDR");
            }
        });
        context.start();

        stubMms("push", PUSH_OK.formatted("9994"));
        assertThat(push("direct:push").getException()).isNull();
        stubMms("push", "{\"code\":\"3001\",\"description\":\"帳務處理失敗\"}");
        assertThat(push("direct:push").getException()).isNotNull();
        stubMms("queryBatchDR", "{\"batchID\":1,\"messages\":[{\"msgID\":2,\"status\":\"0\",\"point\":3}]}");
        assertThat(template.request("direct:query", e -> e.getMessage().setBody("1")).getException()).isNull();

        String account = CLIENT_ID + "@localhost:" + gateway.port();

        // the console
        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleResolver.class)
                .resolveDevConsole("mitake-mms");
        assertThat(console).isInstanceOf(MitakeMmsConsole.class);
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        System.out.println(text);
        assertThat(text).contains("Account: " + account)
                .contains("Pushes: 2 calls, 1 accepted, refused by code {3001=1}")
                .contains("Destinations: 2 accepted, refused by code {2011=1}, 0 duplicates (2018)")
                .contains("Points: 6 spent, 9994 left")
                .contains("Queries: 1, 0 failed")
                .contains("Token: age ")
                .contains(", 1 requested")
                .contains("Last error: 3001 Mitake MMS push failed with code 3001 帳務處理失敗");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
        @SuppressWarnings("unchecked")
        Map<String, Object> a = ((List<Map<String, Object>>) json.get("accounts")).get(0);
        assertThat(a).containsEntry("account", account).containsEntry("pushCalls", 2L)
                .containsEntry("pushesAccepted", 1L).containsEntry("pushesRefused", Map.of("3001", 1L))
                .containsEntry("destinationsRefused", Map.of("2011", 1L)).containsEntry("pointsSpent", "6")
                .containsEntry("accountPoints", "9994").containsEntry("queries", 1L)
                .containsEntry("tokenRequests", 1L).containsEntry("connectionsBound", 8)
                .containsEntry("concurrencyLimit", 8).containsEntry("tooManyConnections", 0L);
        assertThat(((Number) a.get("connectionsOpen")).intValue()).isBetween(1, 8);
        @SuppressWarnings("unchecked")
        Map<String, Object> lastError = (Map<String, Object>) a.get("lastError");
        assertThat(lastError).containsEntry("code", "3001");
        assertThat(text + json).doesNotContain(CLIENT_SECRET).doesNotContain(TOKEN);

        // JMX: the endpoint's managed attributes, as Camel's JMX agent reads them (@ManagedAttribute getters)
        MitakeMmsEndpoint push = context.getEndpoints().stream().filter(MitakeMmsEndpoint.class::isInstance)
                .map(MitakeMmsEndpoint.class::cast)
                .filter(ep -> ep.getConfiguration().getOperation() == MitakeMmsOperation.push).findFirst().orElseThrow();
        assertThat(MitakeMmsEndpoint.class.getAnnotation(ManagedResource.class)).isNotNull();
        Map<String, Object> jmx = managedAttributes(push);
        assertThat(jmx).containsEntry("PushCalls", 2L).containsEntry("PushesAccepted", 1L)
                .containsEntry("PushesRefusedByCode", "{3001=1}").containsEntry("AccountPoints", "9994")
                .containsEntry("PointsSpent", "6").containsEntry("LastErrorCode", "3001")
                .containsEntry("TokenRequests", 1L).containsEntry("ConcurrencyLimit", 8)
                .containsEntry("TooManyConnections", 0L).containsEntry("Queries", 1L)
                .containsEntry("DestinationsRefusedByCode", "{2011=1}");
        assertThat(jmx.toString()).doesNotContain(CLIENT_SECRET).doesNotContain(TOKEN);

        // Micrometer
        assertThat(meters.get("mitake.mms.push.calls").tag("account", account).functionCounter().count()).isEqualTo(2);
        assertThat(meters.get("mitake.mms.push.accepted").functionCounter().count()).isEqualTo(1);
        assertThat(meters.get("mitake.mms.push.refused").tag("code", "3001").functionCounter().count()).isEqualTo(1);
        assertThat(meters.get("mitake.mms.destinations.refused").tag("code", "2011").functionCounter().count())
                .isEqualTo(1);
        assertThat(meters.get("mitake.mms.points.spent").functionCounter().count()).isEqualTo(6);
        assertThat(meters.get("mitake.mms.account.points").gauge().value()).isEqualTo(9994);
        assertThat(meters.get("mitake.mms.queries").functionCounter().count()).isEqualTo(1);
        assertThat(meters.get("mitake.mms.concurrency.limit").gauge().value()).isEqualTo(8);
        assertThat(meters.get("mitake.mms.token.requests").functionCounter().count()).isEqualTo(1);
    }

    /** Every @ManagedAttribute getter of the endpoint, by attribute name. */
    private static Map<String, Object> managedAttributes(Object endpoint) throws Exception {
        Map<String, Object> attributes = new TreeMap<>();
        for (Method m : endpoint.getClass().getMethods()) {
            if (m.isAnnotationPresent(ManagedAttribute.class) && m.getParameterCount() == 0) {
                String name = m.getName().replaceFirst("^(get|is)", "");
                attributes.put(name, m.invoke(endpoint));
            }
        }
        return attributes;
    }
}
