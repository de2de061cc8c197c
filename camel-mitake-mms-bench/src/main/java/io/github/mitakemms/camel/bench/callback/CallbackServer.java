package io.github.mitakemms.camel.bench.callback;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import io.github.mitakemms.camel.bench.JvmCounters;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The measured side of the callback benchmark, in a JVM of its own: a Camel application on platform-http (Vert.x) on a
 * free loopback port, with either {@code from("mitake-mms:callback")} ({@code component}) or a bare platform-http route
 * that only answers 200 ({@code bare}). Its load generator runs in another JVM, so neither compiles, collects or
 * schedules the other's code.
 * <p>
 * It speaks a line protocol on stdin/stdout: it prints {@code READY <url>} once started; {@code mark} answers
 * {@code MARK <process CPU ns> <bytes allocated> <delivered>} (delivered counts reports for the component, requests
 * for the bare route); {@code stop} stops Camel and exits. Anything else it prints (log lines) has none of these
 * prefixes.
 */
public final class CallbackServer {

    private CallbackServer() {
    }

    public static void main(String[] args) throws Exception {
        boolean component = "component".equals(args[0]);
        LongAdder delivered = new LongAdder();
        int port = freePort();
        try (CamelContext context = new DefaultCamelContext()) {
            VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
            server.setBindHost("127.0.0.1");
            server.setBindPort(port);
            context.addService(new VertxPlatformHttpServer(server));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    if (component) {
                        from("mitake-mms:callback?path=/mitake/callback")
                                .process(e -> delivered.add(reports(e)));
                    } else {
                        from("platform-http:/bare?httpMethodRestrict=POST")
                                .process(e -> delivered.increment())
                                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(200))
                                .setBody(constant("OK"));
                    }
                }
            });
            context.start();
            System.out.println("READY http://127.0.0.1:" + port + (component ? "/mitake/callback" : "/bare"));
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.equals("stop"); line = in.readLine()) {
                if (line.equals("mark")) {
                    System.out.println("MARK " + JvmCounters.processCpuNanos() + " " + JvmCounters.allocatedBytes() + " " + delivered.sum());
                    System.out.flush();
                }
            }
        }
    }

    private static int reports(Exchange e) {
        return e.getMessage().getBody() instanceof List<?> list ? list.size() : 1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
