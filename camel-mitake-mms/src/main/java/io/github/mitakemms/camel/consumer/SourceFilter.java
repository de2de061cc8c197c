package io.github.mitakemms.camel.consumer;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.camel.Exchange;

/**
 * The allow-list of addresses that may post callbacks: IPv4 and IPv6 addresses and CIDR ranges, separated by commas
 * (such as {@code 203.0.113.0/24, 2001:db8::/32, 198.51.100.7}). An empty list allows every source. Only IP literals are
 * accepted, never host names, so that neither parsing nor matching ever resolves a name. IPv4-mapped IPv6 addresses
 * ({@code ::ffff:192.0.2.1}) match the IPv4 entries. The source of a request is the peer of its connection, or, with
 * trustForwardedFor, the address the reverse proxy added to X-Forwarded-For (see {@link SourceAddress}).
 */
final class SourceFilter {

    private final List<Range> ranges;
    private final boolean trustForwardedFor;

    private SourceFilter(List<Range> ranges, boolean trustForwardedFor) {
        this.ranges = ranges;
        this.trustForwardedFor = trustForwardedFor;
    }

    /**
     * Parses the allowedSources option.
     *
     * @throws IllegalArgumentException naming the first entry that is not an IP address or CIDR range
     */
    static SourceFilter parse(String allowedSources, boolean trustForwardedFor) {
        List<Range> ranges = new ArrayList<>();
        if (allowedSources != null) {
            for (String entry : allowedSources.split(",")) {
                String text = entry.trim();
                if (!text.isEmpty()) {
                    ranges.add(Range.parse(text));
                }
            }
        }
        return new SourceFilter(List.copyOf(ranges), trustForwardedFor);
    }

    /**
     * Lets the request through when its source is allowed.
     *
     * @throws CallbackRejectedException 403 when the source is not in the list, or unknown
     */
    void check(Exchange httpExchange) throws CallbackRejectedException {
        if (ranges.isEmpty()) {
            return;
        }
        String source = SourceAddress.of(httpExchange, trustForwardedFor);
        if (source == null) {
            throw new CallbackRejectedException(
                    403, "the source address of the request is unknown, so it cannot be checked against allowedSources");
        }
        if (!allows(source)) {
            throw new CallbackRejectedException(403, "source " + source + " is not in allowedSources");
        }
    }

    /** Whether every source is allowed (the option is empty). */
    boolean allowsAll() {
        return ranges.isEmpty();
    }

    /** Whether the address (an IP literal) is in the list; an address that is not an IP literal is not. */
    boolean allows(String address) {
        if (ranges.isEmpty()) {
            return true;
        }
        InetAddress ip = literal(address);
        if (ip == null) {
            return false;
        }
        byte[] bytes = ip.getAddress();
        for (Range range : ranges) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The address of an IP literal, or null when the text is not one. Accepts brackets and a zone id around an IPv6
     * address ({@code [fe80::1%eth0]}); never looks a name up.
     */
    static InetAddress literal(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        if (s.isEmpty()) {
            return null;
        }
        if (s.indexOf(':') >= 0) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                    return null;
                }
            }
        } else if (!isDottedQuad(s)) {
            return null;
        }
        try {
            // an IPv4 dotted quad or a text with colons is parsed as a literal, without any lookup
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean isDottedQuad(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3) {
                return false;
            }
            for (int i = 0; i < part.length(); i++) {
                if (part.charAt(i) < '0' || part.charAt(i) > '9') {
                    return false;
                }
            }
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return ranges.isEmpty() ? "any source"
                : ranges + (trustForwardedFor ? " checked on the last X-Forwarded-For address" : "");
    }

    private static final class Range {

        private final byte[] network;
        private final int prefix;
        private final String text;

        private Range(byte[] network, int prefix, String text) {
            this.network = network;
            this.prefix = prefix;
            this.text = text;
        }

        static Range parse(String text) {
            int slash = text.indexOf('/');
            String addressText = slash < 0 ? text : text.substring(0, slash).trim();
            InetAddress address = literal(addressText);
            if (address == null) {
                throw new IllegalArgumentException(
                        "mitake-mms option allowedSources: '" + text
                                                   + "' is not an IPv4 or IPv6 address or CIDR range (host names are not accepted)");
            }
            int bits = address.getAddress().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1).trim());
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                // an IPv4-mapped IPv6 range (::ffff:192.0.2.0/120) is read as the IPv4 range it maps
                if (address instanceof Inet4Address && addressText.indexOf(':') >= 0) {
                    prefix -= 96;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException(
                            "mitake-mms option allowedSources: '" + text + "' has a prefix length outside 0-" + bits);
                }
            }
            return new Range(mask(address.getAddress(), prefix), prefix, text);
        }

        boolean contains(byte[] address) {
            return address.length == network.length && Arrays.equals(mask(address, prefix), network);
        }

        private static byte[] mask(byte[] address, int prefix) {
            byte[] masked = address.clone();
            for (int i = 0; i < masked.length; i++) {
                int keep = Math.max(0, Math.min(8, prefix - i * 8));
                masked[i] &= (byte) (0xFF << (8 - keep));
            }
            return masked;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
