package io.github.mitakemms.camel.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.mitakemms.camel.model.DeliveryReport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The callback consumer on a real platform-http server (Vert.x) under a load of valid callbacks, each sent twice as a
 * gateway may, interleaved with more than 10,000 hostile bodies. The server must stay up; every hostile body gets a
 * 4xx, but one bad report among good ones, whose good report is routed and acknowledged with 200 while the bad one goes
 * to the exception handler; with an idempotent repository every valid report reaches the route exactly once, without
 * one at least once; and a route that fails the first time answers 500, so that the gateway's resend succeeds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallbackHostilityTest {

    static final long SEED = 20261127L;
    static final int HOSTILE = 10_000;
    static final int VALID_CALLBACKS = 2_000;
    static final int CLIENT_THREADS = 16;
    static final int MAX_ATTEMPTS = 10;
    static final long TIME_LIMIT_SECONDS = 150;

    private final Figures figures = new Figures("callback");
    private final int port = AvailablePortFinder.getNextAvailable();
    private final Map<String, AtomicInteger> routedOnce = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> routedAtLeastOnce = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    private CamelContext context;
    private HttpClient http;
    private ExecutorService clientPool;

    @BeforeAll
    void startServer() throws Exception {
        context = new DefaultCamelContext();
        MainHttpServer server = new MainHttpServer();
        server.setHost("127.0.0.1");
        server.setPort(port);
        context.addService(server);
        context.getRegistry().bind("reports", MemoryIdempotentRepository.memoryIdempotentRepository(100_000));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("mitake-mms:callback?path=/cb/once&idempotentRepository=#reports").routeId("once")
                        .process(e -> route("once", e.getMessage().getBody(DeliveryReport.class), routedOnce));
                from("mitake-mms:callback?path=/cb/plain").routeId("plain")
                        .process(e -> route("plain", e.getMessage().getBody(DeliveryReport.class), routedAtLeastOnce));
            }
        });
        context.start();
        clientPool = Executors.newFixedThreadPool(CLIENT_THREADS);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(4)).build();
    }

    @AfterAll
    void stopServer() {
        clientPool.shutdownNow();
        if (context != null) {
            context.stop();
        }
    }

    /**
     * The route: fails the first time it sees one report in seven on each path, as a database that is briefly down
     * would, and counts every report it completed.
     */
    private void route(String path, DeliveryReport r, Map<String, AtomicInteger> completed) {
        String key = r.getBatchId() + ":" + r.getMsgId() + ":" + r.getStatus();
        int attempt = seen.computeIfAbsent(path + "/" + key, k -> new AtomicInteger()).incrementAndGet();
        if (attempt == 1 && failsFirst(key)) {
            throw new IllegalStateException("database briefly unavailable");
        }
        completed.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    /** One valid report in seven (by msgID) fails the first time it is routed. */
    private static boolean failsFirst(String key) {
        String msgId = key.split(":")[1];
        return msgId.chars().allMatch(Character::isDigit) && msgId.length() < 19 && Long.parseLong(msgId) % 7 == 0;
    }

    @Test
    void hostileBodiesAre4xxAndValidReportsArriveOnceThroughFailuresAndResends() throws Exception {
        // the valid callbacks: 1 to 3 reports each, every key unique
        Random random = new Random(SEED);
        List<String> validBodies = new ArrayList<>();
        List<String> validKeys = new ArrayList<>();
        long msgId = 304934980000000000L;
        for (int i = 0; i < VALID_CALLBACKS; i++) {
            int reports = 1 + random.nextInt(3);
            StringBuilder body = new StringBuilder("{\"messages\":[");
            for (int r = 0; r < reports; r++) {
                String batch = "30493497646911" + String.format("%04d", i);
                String status = random.nextBoolean() ? "0" : "2003";
                msgId++;
                body.append(r == 0 ? "" : ",").append("{\"batchID\":").append(batch).append(",\"msgID\":").append(msgId)
                        .append(",\"status\":\"").append(status).append("\",\"statusTime\":\"20261127010203\","
                                                                         + "\"point\":3}");
                validKeys.add(batch + ":" + msgId + ":" + status);
            }
            validBodies.add(body.append("]}").toString());
        }

        // the tasks, interleaved: each valid callback to both paths, and once more to the idempotent one (the
        // gateway's duplicate), among the hostile bodies
        List<Runnable> tasks = new ArrayList<>();
        AtomicLong requests = new AtomicLong();
        AtomicLong validNotAcknowledged = new AtomicLong();
        AtomicLong resends = new AtomicLong();
        AtomicLong crashes = new AtomicLong();
        Map<String, AtomicLong> hostileStatus = new ConcurrentHashMap<>();
        Map<String, AtomicLong> hostileNot4xx = new ConcurrentHashMap<>();
        Map<String, AtomicLong> oneBadReportNot200 = new ConcurrentHashMap<>();
        for (String body : validBodies) {
            for (String path : new String[] { "/cb/once", "/cb/once", "/cb/plain" }) {
                tasks.add(() -> {
                    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                        int status = post(path, body.getBytes(StandardCharsets.UTF_8), requests, crashes);
                        if (status == 200) {
                            return;
                        }
                        resends.incrementAndGet();
                    }
                    validNotAcknowledged.incrementAndGet();
                });
            }
        }
        HostileBodies hostile = new HostileBodies(SEED);
        Map<String, Long> hostileByKind = new TreeMap<>();
        for (int n = 0; n < HOSTILE; n++) {
            HostileBodies.Body next = hostile.next(n);
            byte[] body = next.bytes();
            String kind = next.kind();
            hostileByKind.merge(HostileBodies.kind(n), 1L, Long::sum);
            String path = n % 2 == 0 ? "/cb/once" : "/cb/plain";
            boolean readableAmongThem = HostileBodies.ONE_BAD_REPORT.equals(kind);
            tasks.add(() -> {
                int status = post(path, body, requests, crashes);
                hostileStatus.computeIfAbsent(kind + " " + status, k -> new AtomicLong()).incrementAndGet();
                if (readableAmongThem ? status != 200 : status < 400 || status >= 500) {
                    (readableAmongThem ? oneBadReportNot200 : hostileNot4xx)
                            .computeIfAbsent(kind + " " + status, k -> new AtomicLong()).incrementAndGet();
                }
            });
        }
        Collections.shuffle(tasks, new Random(SEED));

        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (Runnable task : tasks) {
            futures.add(clientPool.submit(task));
        }
        long deadline = start + TimeUnit.SECONDS.toNanos(TIME_LIMIT_SECONDS);
        for (Future<?> f : futures) {
            f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        // still up: one more valid callback is acknowledged
        int after = post("/cb/plain", "{\"messages\":[{\"batchID\":1,\"msgID\":1,\"status\":\"0\"}]}"
                .getBytes(StandardCharsets.UTF_8), requests, crashes);

        long lostOnce = validKeys.stream().filter(k -> !routedOnce.containsKey(k)).count();
        long lostPlain = validKeys.stream().filter(k -> !routedAtLeastOnce.containsKey(k)).count();
        long duplicatesOnce = routedOnce.values().stream().mapToLong(c -> c.get() - 1).sum();
        long extraPlain = validKeys.stream().filter(routedAtLeastOnce::containsKey)
                .mapToLong(k -> routedAtLeastOnce.get(k).get() - 1).sum();
        long routeFailures = seen.keySet().stream().filter(k -> failsFirst(k.substring(k.indexOf('/', 1) + 1))).count();
        java.util.Set<String> valid = new java.util.HashSet<>(validKeys);
        valid.add("1:1:0");
        // the good report that the bodies with one bad report carry is routed
        valid.add(HostileBodies.GOOD_KEY);
        List<String> hostileKeys = new ArrayList<>();
        routedOnce.keySet().stream().filter(k -> !valid.contains(k)).forEach(hostileKeys::add);
        routedAtLeastOnce.keySet().stream().filter(k -> !valid.contains(k)).forEach(hostileKeys::add);
        long hostileRouted = hostileKeys.size();
        System.out.println("RELIABILITY-DETAIL callback hostile by kind and status " + new TreeMap<>(hostileStatus));
        figures.add(Figures.REQUESTS, requests.get()).add(Figures.FAULTS, HOSTILE + routeFailures)
                .add(Figures.DUPLICATES, duplicatesOnce).add(Figures.LOST, lostOnce + lostPlain)
                .add(Figures.CRASHES, crashes.get() + (after == 200 ? 0 : 1))
                .add("hostileBodies", HOSTILE).add("hostileNot4xx",
                        hostileNot4xx.values().stream().mapToLong(AtomicLong::get).sum())
                .add("hostileRouted", hostileRouted)
                .add("oneBadReportNot200", oneBadReportNot200.values().stream().mapToLong(AtomicLong::get).sum())
                .add("validCallbacks", VALID_CALLBACKS * 3L).add("validReports", validKeys.size())
                .add("routeFailuresAnswered500", routeFailures).add("gatewayResends", resends.get())
                .add("validNotAcknowledged", validNotAcknowledged.get())
                .add("withoutRepositoryExtraRoutings", extraPlain).add("millis", millis);
        hostileByKind.forEach((k, v) -> figures.add("hostile." + k, v));
        figures.publish();

        assertThat(crashes.get()).as("requests without an HTTP answer").isZero();
        assertThat(after).as("the server is still up").isEqualTo(200);
        assertThat(hostileNot4xx).as("hostile bodies not answered 4xx, by kind and status").isEmpty();
        assertThat(hostileRouted).as("hostile bodies that reached a route").isZero();
        assertThat(oneBadReportNot200).as("bodies with one bad report among good ones not answered 200").isEmpty();
        // those bodies all go to the path without a repository: their good report is routed once per body
        assertThat(routedAtLeastOnce.get(HostileBodies.GOOD_KEY)).as("routings of the good report beside a bad one")
                .hasValue(hostileByKind.get(HostileBodies.ONE_BAD_REPORT).intValue());
        assertThat(validNotAcknowledged.get()).as("valid callbacks never acknowledged").isZero();
        assertThat(lostOnce + lostPlain).as("valid reports that never reached the route").isZero();
        assertThat(duplicatesOnce).as("reports routed twice despite the idempotent repository").isZero();
        assertThat(routeFailures).as("route failures answered 500 and resent").isPositive();
    }

    private int post(String path, byte[] body, AtomicLong requests, AtomicLong crashes) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        requests.incrementAndGet();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            if (crashes.incrementAndGet() <= 3) {
                System.out.println("RELIABILITY-DETAIL callback no answer: " + e);
            }
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
