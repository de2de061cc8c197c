package io.github.mitakemms.camel.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fake gateway on loopback that lets an account have {@code allowed} calls at once and answers the others 1007, as
 * the real one does with connections: a push call holds its place for {@code serviceMillis}, a refused one is answered
 * at once. Records every cID it accepted, and how many it accepted twice.
 */
final class LimitedGateway implements AutoCloseable {

    static {
        // the JDK's server otherwise writes headers and body in two packets, and the body waits for a delayed ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final Pattern CID = Pattern.compile("\"cID\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(96);
    private final int allowed;
    private final long serviceNanos;
    private final AtomicInteger atGateway = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong acceptedTwice = new AtomicLong();
    final Set<String> cIds = ConcurrentHashMap.newKeySet();

    LimitedGateway(int allowed, long serviceMillis) throws IOException {
        this.allowed = allowed;
        this.serviceNanos = TimeUnit.MILLISECONDS.toNanos(serviceMillis);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(threads);
        server.createContext("/AuthorizationService/Token", e -> answer(e,
                "{\"accessToken\":\"limited-token\",\"tokenType\":\"bearer\",\"expiresIn\":\"3600\"}"));
        server.createContext("/msg/mms/json", this::push);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int mostAtOnce() {
        return mostAtOnce.get();
    }

    void reset() {
        refused.set(0);
        accepted.set(0);
        acceptedTwice.set(0);
        cIds.clear();
        mostAtOnce.set(0);
    }

    private void push(HttpExchange e) throws IOException {
        String body = new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int now = atGateway.incrementAndGet();
        if (now > allowed) {
            atGateway.decrementAndGet();
            refused.incrementAndGet();
            answer(e, "{\"code\":\"1007\",\"description\":\"連線數超過上限\"}");
            return;
        }
        mostAtOnce.accumulateAndGet(now, Math::max);
        long until = System.nanoTime() + serviceNanos;
        for (long left = serviceNanos; left > 0; left = until - System.nanoTime()) {
            // the gateway's own work on the call
            LockSupport.parkNanos(left);
        }
        Matcher m = CID.matcher(body);
        String cId = m.find() ? m.group(1) : "none";
        if (!cIds.add(cId)) {
            acceptedTwice.incrementAndGet();
        }
        accepted.incrementAndGet();
        atGateway.decrementAndGet();
        answer(e, "{\"batchID\":\"b-" + cId + "\",\"messages\":[{\"msgID\":\"m-" + cId + "\",\"cID\":\"" + cId
                  + "\",\"status\":\"1\",\"statusDesc\":\"已送達三竹\",\"statusTime\":\"20200505160000\",\"point\":3}],"
                  + "\"costPoints\":3,\"accountPoints\":9000}");
    }

    private static void answer(HttpExchange e, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().set("Content-Type", "application/json");
        e.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
