package io.github.mitakemms.camel.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A callback route that cannot be served fails at start-up, saying what to do about it.
 */
class CallbackStartupTest {

    @Test
    void withoutAnHttpServerTheRouteFailsNamingTheDependencyOfEachRuntime() throws Exception {
        Throwable failure = startRoute("mitake-mms:callback?path=/callback");

        assertThat(failure).isNotNull();
        assertThat(messages(failure)).anySatisfy(message -> assertThat(message)
                .contains("Cannot listen for Mitake MMS callbacks")
                .doesNotContain("/callback")
                .contains("camel-platform-http-main")
                .contains("camel.server.enabled=true")
                .contains("camel-platform-http-starter")
                .contains("camel-quarkus-platform-http"));
    }

    @Test
    void anAllowedSourceThatIsNotAnAddressFailsTheStart() throws Exception {
        Throwable failure = startRoute("mitake-mms:callback?path=/callback&allowedSources=10.0.0.0/8,gateway.example.com");

        assertThat(messages(failure)).anySatisfy(message -> assertThat(message)
                .contains("allowedSources")
                .contains("'gateway.example.com' is not an IPv4 or IPv6 address or CIDR range"));
    }

    @Test
    void aNonPositiveMaxBodySizeFailsTheStart() throws Exception {
        Throwable failure = startRoute("mitake-mms:callback?path=/callback&maxBodySize=0");

        assertThat(messages(failure)).anySatisfy(message -> assertThat(message)
                .contains("maxBodySize must be at least 1"));
    }

    @Test
    void badOptionsFailWhenTheConsumerIsInitialisedBeforeItListens() throws Exception {
        Map<String, String> rules = Map.of(
                "mitake-mms:callback?path=/callback&allowedSources=10.0.0.0/33",
                "mitake-mms option allowedSources: '10.0.0.0/33' has a prefix length outside 0-32",
                "mitake-mms:callback?path=/callback&allowedSources=gateway.example.com",
                "mitake-mms option allowedSources: 'gateway.example.com' is not an IPv4 or IPv6 address or CIDR range",
                "mitake-mms:callback?path=%20",
                "mitake-mms option path is required by the callback consumer",
                "mitake-mms:callback?path=/callback&maxBodySize=-1",
                "mitake-mms option maxBodySize must be at least 1, was -1");

        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            for (Map.Entry<String, String> rule : rules.entrySet()) {
                Consumer consumer = context.getEndpoint(rule.getKey()).createConsumer(exchange -> {
                });

                // init, not start: nothing listens yet, and there is no HTTP server here
                assertThatThrownBy(consumer::init).as(rule.getKey())
                        .hasMessageContaining(rule.getValue())
                        .hasMessageNotContaining("Cannot listen");
            }
            Consumer good = context.getEndpoint("mitake-mms:callback?path=/callback&allowedSources=10.0.0.0/8")
                    .createConsumer(exchange -> {
                    });
            good.init();
        }
    }

    private static Throwable startRoute(String uri) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).to("log:reports");
                }
            });
            return catchThrowable(context::start);
        }
    }

    private static List<String> messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }
}
