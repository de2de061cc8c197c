package io.github.mitakemms.camel.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.mitakemms.camel.MitakeMmsComponent;
import io.github.mitakemms.camel.exception.MitakeMmsRetryableException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 64 threads pushing through one account while its token expires several times, through a loopback proxy that counts
 * the connections open at the gateway. No exchange may fail, each expiry must cost exactly one token request, and no
 * more than maxConnections connections may be open at once.
 */
class TokenConcurrencyTest extends ReliabilityTestSupport {

    static final int THREADS = 64;
    static final int MAX_CONNECTIONS = 8;
    static final long RUN_MILLIS = 8_000;
    /** The proactive gateway's token lifetime, and how long before it the cache renews. */
    static final long LIFETIME_MILLIS = 3_000;
    static final long RENEW_BEFORE_MILLIS = 1_000;
    /** The revoking gateway's tokens live longer, so that a fresh token outlives the wait for a connection. */
    static final long REVOKED_RUN_MILLIS = 12_000;
    static final long REVOKED_LIFETIME_MILLIS = 5_000;
    static final int MAX_PER_THREAD = 5_000;

    private final TokenAuthority authority = new TokenAuthority();
    private final Figures figures = new Figures("concurrency");
    private CountingProxy proxy;

    @Override
    protected WireMockConfiguration gatewayOptions() {
        return super.gatewayOptions().extensions(authority).disableRequestJournal();
    }

    @Override
    protected String baseUrl() {
        try {
            proxy = new CountingProxy(gateway.port());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return proxy.url();
    }

    @Override
    protected void configure(MitakeMmsComponent component) {
        component.getConfiguration().setMaxConnections(MAX_CONNECTIONS);
        // waiting for one of 4 connections with 64 threads must not time out on a busy 2-core machine
        component.getConfiguration().setRequestTimeout(10_000);
        component.getConfiguration().setTokenRenewBefore(RENEW_BEFORE_MILLIS);
    }

    @BeforeAll
    void routes() throws Exception {
        gateway.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // as a route would be written: retryable failures are redelivered
                onException(MitakeMmsRetryableException.class).maximumRedeliveries(3).redeliveryDelay(0);
                from("direct:proactive").to("mitake-mms:push?clientId=proactive");
                from("direct:revoked").to("mitake-mms:push?clientId=revoked");
            }
        });
    }

    /**
     * The gateway announces 3 s and holds it: the cache renews 1 s before, one request per expiry, and no call ever
     * reaches the gateway with a token past its lifetime (the gateway measures it from the token request's arrival,
     * later than the client does).
     */
    @Test
    void tokenExpiringEveryThreeSecondsIsRenewedOncePerExpiryAheadOfTime() throws Exception {
        authority.reset(Long.toString(LIFETIME_MILLIS / 1_000), LIFETIME_MILLIS);
        Run run = hammer("direct:proactive", RUN_MILLIS);

        List<Long> gaps = authority.gapsMillis();
        report("proactive", run);
        assertThat(run.failed).as("exchanges failed").isZero();
        assertThat(authority.expiredCalls()).as("calls with an expired token (answered 1005)").isZero();
        assertThat(authority.unknownTokenCalls()).isZero();
        assertThat(authority.tokenRequests()).as("token requests").isGreaterThanOrEqualTo(3);
        // a second request for the same expiry would follow within milliseconds; the client renews every 2 s by its
        // clock, measured from before the previous request, which may have waited for a connection
        assertThat(gaps).as("ms between token requests: one per expiry, never two for one").allMatch(g -> g >= 500);
        assertThat(authority.tokenRequests()).isLessThanOrEqualTo(RUN_MILLIS / (LIFETIME_MILLIS - RENEW_BEFORE_MILLIS) + 2);
        assertThat(run.maxConnections).isLessThanOrEqualTo(MAX_CONNECTIONS);
    }

    /**
     * The gateway announces 60 s but drops each token after 5 s and answers 1005: the threads that see it forget the
     * token, exactly one of them renews it, and every call is sent once more with the new token and passes.
     */
    @Test
    void tokenRevokedEarlyByTheGatewayIsRenewedOncePerRevocation() throws Exception {
        authority.reset("60", REVOKED_LIFETIME_MILLIS);
        Run run = hammer("direct:revoked", REVOKED_RUN_MILLIS);

        List<Long> gaps = authority.gapsMillis();
        report("revoked", run);
        assertThat(run.failed).as("exchanges failed").isZero();
        assertThat(authority.expiredCalls()).as("1005 answers").isPositive();
        // once a thread has seen the 1005, calls still waiting for a connection with that token are not sent: only
        // those already on (or about to go on) one of the connections get a 1005 too, not all 64 threads
        assertThat(authority.expiredCalls()).as("1005 answers per revocation")
                .isLessThanOrEqualTo(4L * MAX_CONNECTIONS * (authority.tokenRequests() - 1));
        assertThat(authority.unknownTokenCalls()).isZero();
        assertThat(authority.tokenRequests()).as("token requests").isGreaterThanOrEqualTo(3);
        // a renewal comes only after a revocation, so never sooner than the lifetime after the previous token
        assertThat(gaps).as("ms between token requests: one per revocation")
                .allMatch(g -> g >= REVOKED_LIFETIME_MILLIS);
        assertThat(run.maxConnections).isLessThanOrEqualTo(MAX_CONNECTIONS);
    }

    private void report(String name, Run run) {
        System.out.println("RELIABILITY-DETAIL concurrency." + name + " exchanges=" + run.exchanges + " failed="
                           + run.failed + " redelivered=" + run.redelivered + " tokenRequests=" + authority.tokenRequests() + " gapsMs="
                           + authority.gapsMillis() + " expiredCalls=" + authority.expiredCalls() + " maxOpen="
                           + run.maxConnections + " connectionsOpened=" + proxy.total());
        figures.add(Figures.REQUESTS, authority.calls() + authority.tokenRequests())
                .add(Figures.FAULTS, authority.expiredCalls()).add(Figures.LOST, run.failed)
                .add(Figures.LEAKED, run.leaked).add(Figures.CRASHES, run.crashes)
                .add(name + ".exchanges", run.exchanges).add(name + ".tokenRequests", authority.tokenRequests())
                .add(name + ".expiries", authority.tokenRequests() - 1)
                .add(name + ".expiredTokenCalls", authority.expiredCalls())
                .add(name + ".redeliveredExchanges", run.redelivered)
                .add(name + ".maxOpenConnections", run.maxConnections);
    }

    private Run hammer(String endpoint, long runMillis) throws Exception {
        proxy.resetMax();
        Run run = new Run();
        AtomicLong exchanges = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong leaked = new AtomicLong();
        AtomicLong crashes = new AtomicLong();
        AtomicLong redeliveredExchanges = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(runMillis);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < MAX_PER_THREAD && System.nanoTime() < deadline; i++) {
                    String marker = endpoint + "-" + thread + "-" + i;
                    Exchange out = template.send(endpoint, e -> fill(e, "push", marker));
                    exchanges.incrementAndGet();
                    Integer redelivered = out.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
                    if (redelivered != null && redelivered > 0) {
                        redeliveredExchanges.incrementAndGet();
                    }
                    if (out.getException() != null) {
                        if (failed.incrementAndGet() <= 3) {
                            out.getException().printStackTrace();
                        }
                    }
                    leaked.addAndGet(Secrets.foundIn(out.getException()).size()
                                     + Secrets.foundIn(out.getMessage()).size());
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            try {
                f.get(runMillis + 60_000, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                crashes.incrementAndGet();
            }
        }
        pool.shutdownNow();
        run.exchanges = exchanges.get();
        run.failed = failed.get();
        run.leaked = leaked.get();
        run.crashes = crashes.get();
        run.redelivered = redeliveredExchanges.get();
        run.maxConnections = proxy.max();
        return run;
    }

    @AfterAll
    void publish() throws Exception {
        figures.publish();
        proxy.close();
    }

    private static final class Run {
        long exchanges;
        long failed;
        long leaked;
        long crashes;
        long redelivered;
        int maxConnections;
    }
}
