package io.github.mitakemms.camel.consumer;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The allow-list over IPv6: the server listens on ::1 and the client connects from ::1.
 */
class CallbackSourceIpv6Test extends CallbackTestSupport {

    @BeforeAll
    static void ipv6Loopback() {
        boolean available;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            available = socket.getInetAddress() instanceof Inet6Address;
        } catch (IOException e) {
            available = false;
        }
        assumeTrue(available, "no IPv6 loopback on this machine");
    }

    @Override
    protected String serverHost() {
        return "::1";
    }

    @Override
    protected URI uri(String path) {
        return URI.create("http://[::1]:" + port + path);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("mitake-mms:callback?path=/v6&allowedSources=::1/128").to("mock:reports");
                from("mitake-mms:callback?path=/v4only&allowedSources=127.0.0.0/8").to("mock:reports");
            }
        };
    }

    @Test
    void anIpv6SourceIsMatchedAgainstIpv6Ranges() {
        assertThat(post("/v6", specExample()).statusCode()).isEqualTo(200);
        assertThat(post("/v4only", specExample()).statusCode()).isEqualTo(403);
        assertThat(getMockEndpoint("mock:reports").getReceivedExchanges()).hasSize(2);
    }
}
