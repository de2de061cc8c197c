package io.github.mitakemms.camel.consumer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceFilterTest {

    @Test
    void emptyAllowsEverySource() {
        assertThat(SourceFilter.parse(null, false).allowsAll()).isTrue();
        assertThat(SourceFilter.parse(" , ", false).allows("198.51.100.1")).isTrue();
    }

    @Test
    void matchesIpv4AddressesAndRanges() {
        SourceFilter filter = SourceFilter.parse("203.0.113.0/24, 198.51.100.7, 10.1.2.3/8", false);

        assertThat(filter.allows("203.0.113.0")).isTrue();
        assertThat(filter.allows("203.0.113.255")).isTrue();
        assertThat(filter.allows("203.0.114.1")).isFalse();
        assertThat(filter.allows("198.51.100.7")).isTrue();
        assertThat(filter.allows("198.51.100.8")).isFalse();
        // host bits in a range are ignored
        assertThat(filter.allows("10.200.0.1")).isTrue();
        // an IPv4-mapped IPv6 peer matches the IPv4 entries
        assertThat(filter.allows("::ffff:203.0.113.9")).isTrue();
        assertThat(filter.allows("2001:db8::1")).isFalse();
    }

    @Test
    void matchesIpv6AddressesAndRanges() {
        SourceFilter filter = SourceFilter.parse("2001:db8::/32,[fe80::1],::1", false);

        assertThat(filter.allows("2001:db8:ffff::1")).isTrue();
        assertThat(filter.allows("2001:0db8:0000:0000:0000:0000:0000:0002")).isTrue();
        assertThat(filter.allows("2001:db9::1")).isFalse();
        assertThat(filter.allows("fe80::1%eth0")).isTrue();
        assertThat(filter.allows("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(filter.allows("127.0.0.1")).isFalse();
    }

    @Test
    void mappedIpv6RangesAreTheirIpv4Ranges() {
        SourceFilter filter = SourceFilter.parse("::ffff:192.0.2.0/120", false);

        assertThat(filter.allows("192.0.2.77")).isTrue();
        assertThat(filter.allows("192.0.3.1")).isFalse();
    }

    @Test
    void whatIsNotAnAddressIsNeverAllowed() {
        SourceFilter filter = SourceFilter.parse("0.0.0.0/0, ::/0", false);

        assertThat(filter.allows("10.0.0.1")).isTrue();
        assertThat(filter.allows("2001:db8::1")).isTrue();
        assertThat(filter.allows(null)).isFalse();
        assertThat(filter.allows("localhost")).isFalse();
        assertThat(filter.allows("256.1.1.1")).isFalse();
        assertThat(filter.allows("")).isFalse();
    }

    @Test
    void refusesEntriesThatAreNotAddresses() {
        assertThatThrownBy(() -> SourceFilter.parse("10.0.0.0/8, gateway.example.com", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'gateway.example.com'");
        assertThatThrownBy(() -> SourceFilter.parse("10.0.0.0/33", false))
                .hasMessageContaining("prefix length outside 0-32");
        assertThatThrownBy(() -> SourceFilter.parse("2001:db8::/129", false))
                .hasMessageContaining("prefix length outside 0-128");
        assertThatThrownBy(() -> SourceFilter.parse("10.0.0.0/x", false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SourceFilter.parse("1.2.3", false)).isInstanceOf(IllegalArgumentException.class);
    }
}
