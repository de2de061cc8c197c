package io.github.mitakemms.camel.consumer;

import java.net.http.HttpResponse;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only allowed sources may post callbacks; X-Forwarded-For is ignored unless trustForwardedFor is on, and then only its
 * last address (the one the proxy added) counts.
 */
class CallbackSourceTest extends CallbackTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("mitake-mms:callback?path=/elsewhere&allowedSources=10.0.0.0/8, 2001:db8::/32").to("mock:reports");
                from("mitake-mms:callback?path=/loopback&allowedSources=203.0.113.9,127.0.0.1/32,::1").to("mock:reports");
                from("mitake-mms:callback?path=/proxied&allowedSources=10.0.0.0/8&trustForwardedFor=true")
                        .to("mock:reports");
            }
        };
    }

    @Test
    void aDisallowedSourceGives403() {
        HttpResponse<String> response = post("/elsewhere", specExample());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("127.0.0.1 is not in allowedSources");
        assertThat(getMockEndpoint("mock:reports").getReceivedExchanges()).isEmpty();
    }

    @Test
    void anAllowedSourceIsServed() {
        assertThat(post("/loopback", specExample()).statusCode()).isEqualTo(200);
        assertThat(getMockEndpoint("mock:reports").getReceivedExchanges()).hasSize(2);
    }

    @Test
    void xForwardedForIsIgnoredByDefault() {
        HttpResponse<String> response = post("/elsewhere", specExample(), "X-Forwarded-For", "10.1.2.3");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(getMockEndpoint("mock:reports").getReceivedExchanges()).isEmpty();
    }

    @Test
    void whenTrustedOnlyTheAddressTheProxyAddedCounts() {
        // the proxy appended the address it saw (10.1.2.3) to what the client sent
        assertThat(post("/proxied", specExample(), "X-Forwarded-For", "198.51.100.1, 10.1.2.3").statusCode())
                .isEqualTo(200);
        // a client claiming an allowed address in front of its own
        assertThat(post("/proxied", specExample(), "X-Forwarded-For", "10.1.2.3, 198.51.100.1").statusCode())
                .isEqualTo(403);
        // no header: the peer address
        assertThat(post("/proxied", specExample()).statusCode()).isEqualTo(403);
        assertThat(getMockEndpoint("mock:reports").getReceivedExchanges()).hasSize(2);
    }
}
