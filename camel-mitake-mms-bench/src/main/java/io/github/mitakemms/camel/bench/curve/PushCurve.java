package io.github.mitakemms.camel.bench.curve;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.mitakemms.camel.MitakeMmsComponent;
import io.github.mitakemms.camel.MitakeMmsConstants;
import io.github.mitakemms.camel.bench.LoopbackGateway;
import io.github.mitakemms.camel.bench.Payload;
import io.github.mitakemms.camel.model.PushResult;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * How the component's cost grows with the destinations of one exchange, in a JVM of its own started by the harness:
 * one sender thread pushes one exchange with n destinations (the component splits it into calls of 500) to a loopback
 * gateway in this JVM, which answers at once. For each n it prints
 * {@code POINT <payload> <n> <exchanges> <ns per exchange> <bytes allocated per exchange> <calls> <largest call body>
 * <live heap over the input at the first call> <peak live heap over the input>}.
 * <p>
 * Time and allocation: exchanges one after the other for a set time; the bytes are those the sending thread allocated
 * (the component's producer, its JSON and HttpClient's classic transport all run in it; the gateway's threads are not
 * counted). Live heap: one more exchange, during which the gateway, as a call arrives and before it answers it, runs a
 * full collection and reads the heap in use: what the exchange holds while that call is in flight (its request body
 * among it), over what was in use before the exchange started (the input message built). Sampled at the first three
 * calls, then at every tenth of the calls and at the last.
 * <p>
 * Arguments: {@code quick} for a short run.
 */
public final class PushCurve {

    public static final int[] DESTINATIONS = { 1, 10, 100, 500, 501, 5_000, 50_000 };
    /** The point measured with the large payload too: the live heap's difference tells how many bodies are held. */
    public static final int LARGE_POINT = 50_000;

    private PushCurve() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = args.length > 0 && args[0].contains("quick");
        long warmupNanos = TimeUnit.SECONDS.toNanos(quick ? 2 : 10);
        long measureNanos = TimeUnit.MILLISECONDS.toNanos(quick ? 400 : 2500);
        AtomicInteger calls = new AtomicInteger();
        AtomicLong largestBody = new AtomicLong();
        HeapSampler sampler = new HeapSampler();
        // two workers: one sender, and the pool's threads are created during the warmup, not during a heap sample
        try (LoopbackGateway gateway = new LoopbackGateway(2)) {
            gateway.reset(0);
            gateway.deepChecks(false);
            gateway.onPush(n -> {
                int call = calls.incrementAndGet();
                largestBody.accumulateAndGet(n, Math::max);
                sampler.onCall(call);
            });
            try (CamelContext context = context(gateway.baseUrl())) {
                ProducerTemplate template = context.createProducerTemplate();
                Endpoint push = context.getEndpoint("direct:push");
                // warm up on the split path (two calls per exchange)
                long until = System.nanoTime() + warmupNanos;
                while (System.nanoTime() < until) {
                    send(template, push, Payload.SMALL, phones(1000));
                }
                for (int n : DESTINATIONS) {
                    point(template, push, Payload.SMALL, n, measureNanos, calls, largestBody, sampler);
                }
                point(template, push, Payload.LARGE, LARGE_POINT, quick ? 0 : measureNanos / 2, calls, largestBody, sampler);
            }
        }
    }

    private static void point(ProducerTemplate template, Endpoint push, Payload payload, int n, long measureNanos,
                              AtomicInteger calls, AtomicLong largestBody, HeapSampler sampler) throws Exception {
        String phones = phones(n);
        send(template, push, payload, phones); // the first of this size: not measured
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int exchanges = 0;
        long allocated0 = threads.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        long took;
        do {
            send(template, push, payload, phones);
            exchanges++;
            took = System.nanoTime() - t0;
        } while (took < measureNanos);
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocated0;
        // one more exchange, with the heap sampled at its calls
        calls.set(0);
        largestBody.set(0);
        int expectedCalls = (n + 499) / 500;
        Exchange exchange = exchange(push, payload, phones);
        sampler.start(expectedCalls);
        template.send(push, exchange);
        check(exchange, n);
        System.out.printf(Locale.ROOT, "POINT %s %d %d %d %d %d %d %d %d%n", payload.label(), n, exchanges, took / exchanges,
                allocated / exchanges, calls.get(), largestBody.get(), sampler.firstCall(), sampler.peak());
        System.out.flush();
    }

    private static CamelContext context(String baseUrl) throws Exception {
        CamelContext context = new DefaultCamelContext();
        MitakeMmsComponent mms = new MitakeMmsComponent();
        mms.getConfiguration().setBaseUrl(baseUrl);
        mms.getConfiguration().setClientId(LoopbackGateway.clientId("component"));
        mms.getConfiguration().setClientSecret(LoopbackGateway.CLIENT_SECRET);
        mms.getConfiguration().setMaxConnections(16);
        context.addComponent("mitake-mms", mms);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:push").to("mitake-mms:push");
            }
        });
        context.start();
        return context;
    }

    /** n distinct mobile numbers, comma-separated, as CamelMitakeMmsTo takes them. */
    static String phones(int n) {
        StringBuilder sb = new StringBuilder(n * 11);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "09%08d", 10_000_000 + i));
        }
        return sb.toString();
    }

    private static Exchange exchange(Endpoint push, Payload payload, String phones) {
        Exchange e = push.createExchange();
        e.setPattern(org.apache.camel.ExchangePattern.InOut);
        payload.setOn(e.getMessage());
        e.getMessage().setHeader(MitakeMmsConstants.TO, phones);
        return e;
    }

    private static void send(ProducerTemplate template, Endpoint push, Payload payload, String phones) throws Exception {
        Exchange e = exchange(push, payload, phones);
        template.send(push, e);
        check(e, -1);
    }

    private static void check(Exchange e, int n) throws Exception {
        if (e.getException() != null) {
            throw e.getException();
        }
        PushResult result = e.getMessage().getBody(PushResult.class);
        if (result == null || result.getBatchId() == null || (n >= 0 && result.getMessages().size() != n)) {
            throw new IllegalStateException("Unexpected push result " + result);
        }
    }

    /** Live heap at chosen calls of one exchange, over the heap in use when it started. */
    static final class HeapSampler {
        private volatile boolean on;
        private int calls;
        private long baseline;
        private long firstCall;
        private long peak;

        /** Collects, reads the heap in use as the baseline and samples the next exchange's calls. */
        void start(int expectedCalls) {
            calls = expectedCalls;
            baseline = live();
            firstCall = -1;
            peak = 0;
            on = true;
        }

        void onCall(int call) {
            if (!on) {
                return;
            }
            int every = Math.max(1, calls / 10);
            if (call <= 3 || call % every == 0 || call == calls) {
                long over = live() - baseline;
                if (call == 1) {
                    firstCall = over;
                }
                peak = Math.max(peak, over);
            }
            if (call >= calls) {
                on = false;
            }
        }

        long firstCall() {
            return firstCall;
        }

        long peak() {
            return peak;
        }

        private static long live() {
            System.gc();
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
    }
}
