package io.github.mitakemms.camel.consumer;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
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
