package io.github.mitakemms.camel.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Mitake MMS gateway on a loopback port with canned answers: token, push (one msgID per destination, the cIDs echoed)
 * and both queries, after a configurable latency. It counts token calls and pushes per clientID (one per contender),
 * and checks every push's headers and, for the first few pushes of each contender in a run, the whole JSON body, so
 * that a contender that sends less than the others is caught instead of measured.
 * <p>
 * Runs in the harness's own JVM, outside the forks that JMH measures, so that its work and its allocations do not
 * count against any contender.
 */
public final class LoopbackGateway implements AutoCloseable {

    /** Every contender has a clientID of its own, so that the gateway counts its token requests and pushes apart. */
    public static final String CLIENT_ID_PREFIX = "bench-";
    public static final String CLIENT_SECRET = "bench-Secret-42";
    public static final String TOKEN = "xTV1tbhjz1k67GnC";
    /** The token lifetime the gateway announces, in seconds, as in the spec's example. */
    public static final String EXPIRES_IN = "33346";

    /** How many pushes of each contender in a run are parsed and checked in full. */
    private static final int DEEP_CHECKS_PER_RUN = 8;
    private static final byte[] TOKEN_RESPONSE = ("{\"accessToken\":\"" + TOKEN + "\",\"tokenType\":\"bearer\",\"expiresIn\":\""
                                                  + EXPIRES_IN + "\",\"refreshToken\":null,\"scope\":null}")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] QUERY_RESPONSE = ("{\"batchID\":304934976469110800,\"messages\":["
                                                  + "{\"msgID\":304934980000714750,\"statusTime\":\"20200515181442\",\"status\":\"0\",\"point\":3},"
                                                  + "{\"msgID\":306379313648275460,\"statusTime\":\"20200515181442\",\"status\":\"1000\",\"point\":3}]}")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] CID_KEY = "\"cID\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TO_KEY = "\"to\"".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService workers;
    private volatile long latencyNanos;
    private final Map<String, Counts> clients = new ConcurrentHashMap<>();
    private final AtomicLong queries = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong ids = new AtomicLong(304934976469110784L);
    private final List<String> problems = new ArrayList<>();
    private final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[512 * 1024]);

    /** Called on every push with the length of its body, before it is answered; for the curves' heap samples. */
    private volatile java.util.function.IntConsumer onPush = n -> { };
    private volatile boolean deepChecks = true;

    public LoopbackGateway() throws IOException {
        this(64);
    }

    /** @param workers threads that answer requests: one per request in flight, with room */
    public LoopbackGateway(int workers) throws IOException {
        // without TCP_NODELAY the JDK's server answers every request after a delayed ACK, some 40 ms: set before its
        // first use, as it reads its settings once
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        // one worker per request in flight: 16 senders, with room; waiting out the latency parks the worker only
        this.workers = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "gateway-worker");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(this.workers);
        server.createContext("/AuthorizationService/Token", this::token);
        server.createContext("/msg/mms/json", this::mms);
        server.start();
    }

    /** The clientID of a contender. */
    public static String clientId(String contender) {
        return CLIENT_ID_PREFIX + contender;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Starts a new run: sets the latency and zeroes the counters. */
    public synchronized void reset(long latencyMillis) {
        latencyNanos = TimeUnit.MILLISECONDS.toNanos(latencyMillis);
        clients.clear();
        queries.set(0);
        refused.set(0);
        problems.clear();
    }

    /**
     * Whether the first pushes of each client are parsed and compared with {@link Payload} in full (the default); off
     * for pushes with other destinations than the payload's.
     */
    public void deepChecks(boolean on) {
        deepChecks = on;
    }

    /** Sets what is called on every push, in the gateway's thread, before the push is answered. */
    public void onPush(java.util.function.IntConsumer hook) {
        onPush = hook;
    }

    /** Token requests of the contender since the last reset. */
    public long tokenCalls(String contender) {
        return counts(clientId(contender)).tokenCalls.get();
    }

    /** Pushes of the contender since the last reset. */
    public long pushes(String contender) {
        return counts(clientId(contender)).pushes.get();
    }

    private Counts counts(String clientId) {
        return clients.computeIfAbsent(clientId, k -> new Counts());
    }

    public long refused() {
        return refused.get();
    }

    public synchronized List<String> problems() {
        return new ArrayList<>(problems);
    }

    private synchronized void problem(String p) {
        if (problems.size() < 20) {
            problems.add(p);
        }
    }

    private void token(HttpExchange ex) throws IOException {
        try (ex) {
            int n = readBody(ex);
            JsonNode body = JSON.readTree(buffers.get(), 0, n);
            String clientId = body.path("clientId").asText();
            if (!clientId.startsWith(CLIENT_ID_PREFIX) || !CLIENT_SECRET.equals(body.path("clientSecret").asText())) {
                refused.incrementAndGet();
                problem("token request with wrong credentials: " + body);
                respond(ex, "{\"code\":\"1003\",\"description\":\"無效認證資訊\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            counts(clientId).tokenCalls.incrementAndGet();
            delay();
            respond(ex, TOKEN_RESPONSE);
        }
    }

    private void mms(HttpExchange ex) throws IOException {
        try (ex) {
            int n = readBody(ex);
            byte[] body = buffers.get();
            String action = ex.getRequestHeaders().getFirst("actionType");
            String clientId = ex.getRequestHeaders().getFirst("clientID");
            if (!("bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("authorization"))
                    || clientId == null || !clientId.startsWith(CLIENT_ID_PREFIX)) {
                refused.incrementAndGet();
                problem(action + " without the token or clientID headers");
                respond(ex, "{\"code\":\"1003\",\"description\":\"無效認證資訊\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] response;
            if ("push".equals(action)) {
                Counts counts = counts(clientId);
                counts.pushes.incrementAndGet();
                onPush.accept(n);
                if (deepChecks && counts.deepChecks.incrementAndGet() <= DEEP_CHECKS_PER_RUN) {
                    deepCheck(ex, body, n);
                }
                response = pushResponse(body, n);
            } else if ("queryBatchDR".equals(action) || "querySingleDR".equals(action)) {
                queries.incrementAndGet();
                response = QUERY_RESPONSE;
            } else {
                problem("unknown actionType " + action);
                response = "{\"code\":\"1008\",\"description\":\"無效服務名稱\"}".getBytes(StandardCharsets.UTF_8);
            }
            delay();
            respond(ex, response);
        }
    }

    /** Checks a push in full: the fields every contender must send, with the attachment intact. */
    private void deepCheck(HttpExchange ex, byte[] body, int n) {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            problem("push with Content-Type " + type);
        }
        try {
            JsonNode json = JSON.readTree(body, 0, n);
            if (!Payload.SUBJECT.equals(json.path("subject").asText()) || !Payload.CONTENT.equals(json.path("content").asText())) {
                problem("push without the subject or content");
            }
            JsonNode to = json.path("destinations");
            if (to.size() != Payload.PHONES.size()) {
                problem("push with " + to.size() + " destinations");
            }
            for (int i = 0; i < to.size(); i++) {
                if (!Payload.PHONES.get(i).equals(to.get(i).path("to").asText()) || to.get(i).path("cID").asText().length() != 36) {
                    problem("push with destination " + to.get(i));
                }
            }
            JsonNode att = json.path("attachments");
            if (att.size() != 1) {
                problem("push with " + att.size() + " attachments");
                return;
            }
            byte[] image = Base64.getDecoder().decode(att.get(0).path("attachContent").asText());
            String name = att.get(0).path("attachName").asText();
            Payload p = name.endsWith(".png") ? Payload.SMALL : Payload.LARGE;
            if (!java.util.Arrays.equals(image, p.image()) || !p.fileName().equals(name)
                    || !p.type().equals(att.get(0).path("attachType").asText())) {
                problem("push whose attachment differs from the payload's (" + name + ")");
            }
        } catch (IOException | RuntimeException e) {
            problem("push whose body is not the expected JSON: " + e);
        }
    }

    /** One message per destination, its cID echoed, ids as large JSON numbers as the spec shows them. */
    private byte[] pushResponse(byte[] body, int n) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\"batchID\":").append(ids.incrementAndGet()).append(",\"messages\":[");
        int destinations = count(body, n, TO_KEY);
        int from = 0;
        for (int i = 0; i < destinations; i++) {
            int at = indexOf(body, n, CID_KEY, from);
            String cId = null;
            if (at >= 0) {
                int start = at + CID_KEY.length;
                int end = start;
                while (end < n && body[end] != '"') {
                    end++;
                }
                cId = new String(body, start, end - start, StandardCharsets.UTF_8);
                from = end;
            }
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"msgID\":").append(ids.incrementAndGet());
            if (cId != null) {
                sb.append(",\"cID\":\"").append(cId).append('"');
            }
            sb.append(",\"status\":\"1\",\"statusDesc\":\"已送達三竹\",\"statusTime\":\"20200505160000\",\"point\":3}");
        }
        sb.append("],\"costPoints\":").append(3 * destinations).append(",\"accountPoints\":9994}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void delay() {
        long nanos = latencyNanos;
        if (nanos > 0) {
            long until = System.nanoTime() + nanos;
            for (long left = nanos; left > 0; left = until - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
        }
    }

    /** Reads the request body into this thread's buffer; returns its length. */
    private int readBody(HttpExchange ex) throws IOException {
        byte[] buf = buffers.get();
        int n = 0;
        try (InputStream in = ex.getRequestBody()) {
            for (int r; (r = in.read(buf, n, buf.length - n)) > 0; ) {
                n += r;
                if (n == buf.length) {
                    buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                    buffers.set(buf);
                }
            }
        }
        return n;
    }

    private static void respond(HttpExchange ex, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static int count(byte[] in, int n, byte[] key) {
        int c = 0;
        for (int at = indexOf(in, n, key, 0); at >= 0; at = indexOf(in, n, key, at + key.length)) {
            c++;
        }
        return c;
    }

    private static int indexOf(byte[] in, int n, byte[] key, int from) {
        outer:
        for (int i = from; i <= n - key.length; i++) {
            if (in[i] != key[0]) {
                continue;
            }
            for (int k = 1; k < key.length; k++) {
                if (in[i + k] != key[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** What the gateway counted of one client since the last reset. */
    private static final class Counts {
        final AtomicLong tokenCalls = new AtomicLong();
        final AtomicLong pushes = new AtomicLong();
        final AtomicInteger deepChecks = new AtomicInteger();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
