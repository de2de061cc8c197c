package io.github.mitakemms.camel.consumer;

import java.util.List;
import java.util.Map;

import io.github.mitakemms.camel.monitoring.MitakeMmsConsole;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The callback consumer's readiness and counters: callbacks by answer, reports routed, duplicates dropped. */
class CallbackOperationsTest extends CallbackTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("seen", MemoryIdempotentRepository.memoryIdempotentRepository());
        HealthCheckRegistry.get(context).setEnabled(true);
        HealthCheckHelper.getHealthCheckRepository(context, "consumers").setEnabled(true);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("mitake-mms:callback?path=/cb&idempotentRepository=#seen").routeId("reports").to("mock:reports");
            }
        };
    }

    @Test
    void readyWhileThePathIsServedAndCountsEveryAnswer() throws Exception {
        HealthCheck.Result ready = consumerCheck();
        assertThat(ready.getState()).isEqualTo(HealthCheck.State.UP);

        assertThat(post("/cb", specExample()).statusCode()).isEqualTo(200);
        assertThat(post("/cb", specExample()).statusCode()).isEqualTo(200);
        assertThat(post("/cb", "not json").statusCode()).isEqualTo(400);
        assertThat(send(java.net.http.HttpRequest.newBuilder(uri("/cb")).GET().build()).statusCode()).isEqualTo(405);

        MitakeMmsConsole console = new MitakeMmsConsole();
        console.setCamelContext(context);
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        assertThat(text).contains("Callback: reports")
                .contains("Answers by HTTP status: {200=2, 400=1, 405=1}")
                .contains("Reports: 2 routed, 2 duplicates dropped")
                .doesNotContain("/cb");
        @SuppressWarnings("unchecked")
        Map<String, Object> cb = ((List<Map<String, Object>>) ((Map<String, Object>) console.call(DevConsole.MediaType.JSON)).get("callbacks")).get(0);
        assertThat(cb).containsEntry("reportsRouted", 2L).containsEntry("duplicatesDropped", 2L);

        context.getRouteController().suspendRoute("reports");
        context.getRouteController().stopRoute("reports");
        assertThat(HealthCheckHelper.invoke(context)).noneMatch(r -> r.getCheck().getId().equals("consumer:reports")
                                                                    && r.getState() == HealthCheck.State.UP);
    }

    private HealthCheck.Result consumerCheck() {
        return HealthCheckHelper.invoke(context).stream().filter(r -> r.getCheck().getId().equals("consumer:reports"))
                .findFirst().orElseThrow();
    }
}
