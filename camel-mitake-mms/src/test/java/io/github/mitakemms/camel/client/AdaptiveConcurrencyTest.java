package io.github.mitakemms.camel.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.mitakemms.camel.exception.MitakeMmsException;
import io.github.mitakemms.camel.exception.MitakeMmsRetryableException;
import io.github.mitakemms.camel.model.MmsMessage;
import org.apache.hc.client5.http.config.RequestConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Backing off on 1007: a gateway that takes 5 calls of the account at once and answers the others 1007, 64 senders.
 * A client allowed 16 connections learns to keep about 5 calls there, delivers every push once, and moves as many
 * pushes as a client configured with exactly 5.
 */
class AdaptiveConcurrencyTest {

    private static final int ALLOWED = 5;
    private static final int SENDERS = 64;
    private static final int CALLS = 400;
    private static final int ROUNDS = 3;
    private static final long SERVICE_MILLIS = 40;
    private static final RequestConfig TIMEOUT = MitakeMmsClient.timeout(30_000);

    private LimitedGateway gateway;

    @BeforeEach
    void start() throws Exception {
        gateway = new LimitedGateway(ALLOWED, SERVICE_MILLIS);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void sixteenConnectionsAgainstAGatewayThatTakesFiveDeliverEveryPushOnceAsFastAsFive() throws Exception {
        // warm up both, so that neither pays for the JIT
        run(ALLOWED, CALLS / 3);
        run(16, CALLS / 3);

        double[] fixed = new double[ROUNDS];
        double[] adaptive = new double[ROUNDS];
        long refusals = 0;
        int limitAfter = 0;
        for (int i = 0; i < ROUNDS; i++) {
            fixed[i] = run(ALLOWED, CALLS).perSecond;
            assertThat(gateway.refused.get()).as("a client bound to what the gateway takes is never refused").isZero();

            Run r = run(16, CALLS);
            adaptive[i] = r.perSecond;
            refusals += gateway.refused.get();
            limitAfter = r.limitAfter;
            assertThat(r.failed).as("pushes that failed").isZero();
            assertThat(gateway.accepted.get()).as("pushes the gateway accepted").isEqualTo(CALLS);
            assertThat(gateway.cIds).as("every push delivered").hasSize(CALLS);
            assertThat(gateway.acceptedTwice.get()).as("pushes accepted twice").isZero();
            assertThat(gateway.mostAtOnce()).isLessThanOrEqualTo(ALLOWED);
            assertThat(r.refusalsCounted).as("the account's count of 1007 answers").isEqualTo(gateway.refused.get());
        }
        double fixedMedian = median(fixed);
        double adaptiveMedian = median(adaptive);
        double ratio = adaptiveMedian / fixedMedian;
        long perRound = refusals / ROUNDS;
        print("senders", SENDERS);
        print("maxConnections", 16);
        print("gatewayAllows", ALLOWED);
        print("pushesPerRound", CALLS);
        print("rounds", ROUNDS);
        print("answers1007PerRound", perRound);
        print("answers1007Total", refusals);
        print("limitAfterRound", limitAfter);
        print("fixed5PushesPerSecond", String.format(Locale.ROOT, "%.1f", fixedMedian));
        print("adaptive16PushesPerSecond", String.format(Locale.ROOT, "%.1f", adaptiveMedian));
        print("throughputRatio", String.format(Locale.ROOT, "%.3f", ratio));
        System.out.println("RELIABILITY-DETAIL adaptive fixed=" + Arrays.toString(fixed) + " adaptive="
                           + Arrays.toString(adaptive));

        assertThat(perRound).as("1007 answers per round of " + CALLS + " pushes").isLessThanOrEqualTo(CALLS / 5);
        assertThat(ratio).as("throughput of 16 adaptive against exactly 5").isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void aCallerWaitsForAPermitAndFailsWith1007OnlyWhenNoneFreesInTime() throws Exception {
        try (LimitedGateway slowGateway = new LimitedGateway(ALLOWED, 1_500);
             MitakeMmsClient client = new MitakeMmsClient(slowGateway.baseUrl(), 5_000, 1, null)) {
            MitakeMmsGateway account = new MitakeMmsGateway(client, "id", "secret", 0, 5_000);
            account.tokens().token();
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                // one call holds the only permit for a while
                var slow = pool.submit(
                        () -> account.push(new MmsMessage().to("0911111111", "slow"), MitakeMmsClient.timeout(5_000)));
                org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS)
                        .until(() -> account.statistics().gauges().inFlight() == 1);
                MitakeMmsException e = catchThrowableOfType(MitakeMmsException.class,
                        () -> account.push(new MmsMessage().to("0922222222", "late"), MitakeMmsClient.timeout(1)));
                assertThat(e).isInstanceOf(MitakeMmsRetryableException.class);
                assertThat(e.getCode()).isEqualTo("1007");
                assertThat(e.getMessage()).contains("not sent");
                // with time enough, the next caller waits for the permit instead of failing
                assertThat(account.push(new MmsMessage().to("0933333333", "waits"), TIMEOUT).getBatchId())
                        .isEqualTo("b-waits");
                assertThat(slow.get(5, TimeUnit.SECONDS).getBatchId()).isEqualTo("b-slow");
                assertThat(slowGateway.cIds).containsExactlyInAnyOrder("slow", "waits");
                assertThat(slowGateway.refused.get()).isZero();
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aGatewayThatRefusesEveryCallFailsTheCallWith1007AtItsTimeoutHavingSentNothing() throws Exception {
        try (LimitedGateway none = new LimitedGateway(0, 0);
             MitakeMmsClient client = new MitakeMmsClient(none.baseUrl(), 5_000, 4, null)) {
            MitakeMmsGateway account = new MitakeMmsGateway(client, "id", "secret", 0, 5_000);
            MitakeMmsException e = catchThrowableOfType(MitakeMmsException.class,
                    () -> account.push(new MmsMessage().to("0911111111", "never"), MitakeMmsClient.timeout(300)));
            assertThat(e).isInstanceOf(MitakeMmsRetryableException.class);
            assertThat(e.getCode()).isEqualTo("1007");
            assertThat(none.accepted.get()).isZero();
            assertThat(account.statistics().gauges().concurrencyLimit()).isEqualTo(1);
            assertThat(account.statistics().pushesRefused("1007")).isEqualTo(1);
        }
    }

    private Run run(int maxConnections, int calls) throws Exception {
        gateway.reset();
        try (MitakeMmsClient client = new MitakeMmsClient(gateway.baseUrl(), 5_000, maxConnections, null)) {
            MitakeMmsGateway account = new MitakeMmsGateway(client, "id", "secret", 0, 30_000);
            account.tokens().token();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            AtomicReference<Throwable> firstFailure = new AtomicReference<>();
            ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
            CountDownLatch go = new CountDownLatch(1);
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            String prefix = "r" + System.nanoTime() + "-";
            for (int s = 0; s < SENDERS; s++) {
                done.add(senders.submit(() -> {
                    go.await();
                    for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
                        try {
                            account.push(new MmsMessage().to("0911111111", prefix + i), TIMEOUT);
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, e);
                        }
                    }
                    return null;
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            for (var f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
            long took = System.nanoTime() - start;
            senders.shutdownNow();
            if (firstFailure.get() != null) {
                firstFailure.get().printStackTrace();
            }
            return new Run(calls * 1e9 / took, failed.get(), account.statistics().gauges().tooManyConnections(),
                    account.statistics().gauges().concurrencyLimit());
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static void print(String name, Object value) {
        System.out.println("RELIABILITY adaptive." + name + " " + value);
    }

    private record Run(double perSecond, int failed, long refusalsCounted, int limitAfter) {
    }
}
