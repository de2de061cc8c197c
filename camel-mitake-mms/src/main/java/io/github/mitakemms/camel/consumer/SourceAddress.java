package io.github.mitakemms.camel.consumer;

import java.net.InetSocketAddress;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The address a callback request came from, as the HTTP engine of the runtime reports it: the peer of the connection,
 * or, only when trustForwardedFor is on, the last address of X-Forwarded-For (the one the reverse proxy next to this
 * server added; the addresses before it are whatever the client sent, so they are never trusted).
 */
final class SourceAddress {

    /** Set by platform-http on Vert.x (Camel Main, Quarkus) to the peer's io.vertx.core.net.SocketAddress. */
    static final String VERTX_REMOTE_ADDRESS = "CamelVertxPlatformHttpRemoteAddress";

    private SourceAddress() {
    }

    /** The source address of the request, or null when the runtime does not tell it. */
    static String of(Exchange httpExchange, boolean trustForwardedFor) {
        Message message = httpExchange.getMessage();
        if (trustForwardedFor) {
            String forwarded = lastForwardedFor(message.getHeader("X-Forwarded-For"));
            if (forwarded != null) {
                return forwarded;
            }
        }
        return peer(message);
    }

    /** The peer address of the connection. */
    static String peer(Message message) {
        Object remote = message.getHeader(VERTX_REMOTE_ADDRESS);
        if (remote instanceof InetSocketAddress socket) {
            return socket.getAddress() != null ? socket.getAddress().getHostAddress() : socket.getHostString();
        }
        if (remote != null) {
            return hostOf(remote.toString());
        }
        return ServletPeer.remoteAddr(message.getHeader(Exchange.HTTP_SERVLET_REQUEST));
    }

    /** The host of "host:port", "[v6]:port" or "v6:port" as Vert.x prints a socket address. */
    static String hostOf(String hostAndPort) {
        String s = hostAndPort.trim();
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            return end > 0 ? s.substring(1, end) : s;
        }
        int colon = s.lastIndexOf(':');
        if (colon > 0 && isPort(s.substring(colon + 1))) {
            return s.substring(0, colon);
        }
        return s;
    }

    static String lastForwardedFor(Object header) {
        Object value = header;
        if (value instanceof List<?> values) {
            value = values.isEmpty() ? null : values.get(values.size() - 1);
        }
        if (value == null) {
            return null;
        }
        String text = value.toString();
        int comma = text.lastIndexOf(',');
        String last = (comma >= 0 ? text.substring(comma + 1) : text).trim();
        return last.isEmpty() ? null : last;
    }

    private static boolean isPort(String s) {
        if (s.isEmpty() || s.length() > 5) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Servlet-based platform-http (Spring Boot) puts the HttpServletRequest in a header. */
    private static final class ServletPeer {

        static String remoteAddr(Object request) {
            if (request == null) {
                return null;
            }
            try {
                return request instanceof jakarta.servlet.ServletRequest servlet ? servlet.getRemoteAddr() : null;
            } catch (LinkageError e) {
                // no servlet API on this runtime
                return null;
            }
        }
    }
}
