package io.github.mitakemms.camel.consumer;

import java.net.InetSocketAddress;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceAddressTest {

    @Test
    void readsThePeerAsVertxPrintsIt() {
        assertThat(SourceAddress.hostOf("127.0.0.1:54321")).isEqualTo("127.0.0.1");
        assertThat(SourceAddress.hostOf("0:0:0:0:0:0:0:1:54321")).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(SourceAddress.hostOf("[2001:db8::1]:80")).isEqualTo("2001:db8::1");
    }

    @Test
    void takesTheLastForwardedAddress() {
        assertThat(SourceAddress.lastForwardedFor("198.51.100.1, 10.1.2.3")).isEqualTo("10.1.2.3");
        assertThat(SourceAddress.lastForwardedFor(List.of("203.0.113.1", "198.51.100.1,10.1.2.3 ")))
                .isEqualTo("10.1.2.3");
        assertThat(SourceAddress.lastForwardedFor(null)).isNull();
        assertThat(SourceAddress.lastForwardedFor(" ")).isNull();
    }

    @Test
    void ignoresForwardedForUnlessTrusted() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader(SourceAddress.VERTX_REMOTE_ADDRESS, new InetSocketAddress("192.0.2.10", 4000));
        exchange.getMessage().setHeader("X-Forwarded-For", "10.1.2.3");

        assertThat(SourceAddress.of(exchange, false)).isEqualTo("192.0.2.10");
        assertThat(SourceAddress.of(exchange, true)).isEqualTo("10.1.2.3");

        exchange.getMessage().removeHeader("X-Forwarded-For");
        assertThat(SourceAddress.of(exchange, true)).isEqualTo("192.0.2.10");
    }

    @Test
    void unknownWithoutAPeer() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());

        assertThat(SourceAddress.of(exchange, false)).isNull();
    }
}
