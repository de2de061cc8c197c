package io.github.mitakemms.camel.consumer;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.github.mitakemms.camel.model.DeliveryReport;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The claims behind duplicate detection, including two callbacks carrying the same report at the same time.
 */
class ReportClaimsTest {

    private static final DeliveryReport REPORT = new DeliveryReport("1", "2", "0", null, null);
    private static final DeliveryReport OTHER = new DeliveryReport("1", "3", "0", null, null);

    private final IdempotentRepository repository = MemoryIdempotentRepository.memoryIdempotentRepository();
    private final ReportClaims claims = new ReportClaims(repository);
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void theKeyIsBatchMsgAndStatus() {
        assertThat(ReportClaims.key(new DeliveryReport(" 1", "0002", "0 ", null, null))).isEqualTo("1:0002:0");
    }

    @Test
    void aSucceededReportIsADuplicateAfterwards() throws Exception {
        try (ReportClaims.Claimed claimed = claims.claim(List.of(REPORT))) {
            assertThat(claimed.reports()).containsExactly(REPORT);
            claimed.succeeded();
        }

        try (ReportClaims.Claimed again = claims.claim(List.of(REPORT))) {
            assertThat(again.reports()).isEmpty();
            assertThat(again.duplicates()).isOne();
        }
        assertThat(repository.contains("1:2:0")).isTrue();
    }

    @Test
    void aFailedReportCanBeClaimedAgain() throws Exception {
        claims.claim(List.of(REPORT)).close();

        assertThat(repository.contains("1:2:0")).isFalse();
        assertThat(claims.claim(List.of(REPORT)).reports()).containsExactly(REPORT);
    }

    @Test
    void theReportsOfOneExchangeAreClaimedTogetherAndEqualOnesOnce() throws Exception {
        try (ReportClaims.Claimed claimed = claims.claim(List.of(OTHER, REPORT, OTHER))) {
            assertThat(claimed.reports()).containsExactly(OTHER, REPORT);
            assertThat(claimed.duplicates()).isOne();
            claimed.succeeded();
        }
        assertThat(repository.contains("1:2:0")).isTrue();
        assertThat(repository.contains("1:3:0")).isTrue();
    }

    @Test
    void withoutARepositoryEveryReportIsRouted() throws Exception {
        ReportClaims none = new ReportClaims(null);
        for (int i = 0; i < 2; i++) {
            try (ReportClaims.Claimed claimed = none.claim(List.of(REPORT, REPORT))) {
                assertThat(claimed.reports()).containsExactly(REPORT, REPORT);
                assertThat(claimed.duplicates()).isZero();
                claimed.succeeded();
            }
        }
    }

    @Test
    void whenTheRepositoryFailsMidwayTheClaimsMadeAreGivenBack() throws Exception {
        IdempotentRepository failing = new MemoryIdempotentRepository(new java.util.HashMap<>()) {
            @Override
            public boolean add(String key) {
                if (key.equals("1:3:0")) {
                    throw new IllegalStateException("repository unavailable");
                }
                return super.add(key);
            }
        };
        ReportClaims withFailing = new ReportClaims(failing);

        assertThatThrownBy(() -> withFailing.claim(List.of(REPORT, OTHER))).hasMessage("repository unavailable");

        assertThat(failing.contains("1:2:0")).isFalse();
        // and the report is not left in flight: it can be claimed again at once
        assertThat(withFailing.claim(List.of(REPORT)).reports()).containsExactly(REPORT);
    }

    @Test
    void aConcurrentDuplicateOfASucceededReportIsNotRouted() throws Exception {
        ReportClaims.Claimed first = claims.claim(List.of(REPORT));
        CompletableFuture<ReportClaims.Claimed> second = claimElsewhere();

        first.succeeded();
        first.close();

        // whether the other callback waited for the first or came after it, it must not route the report
        assertThat(second.get(10, TimeUnit.SECONDS).reports()).isEmpty();
    }

    @Test
    void aConcurrentDuplicateOfAFailedReportIsRouted() throws Exception {
        ReportClaims.Claimed first = claims.claim(List.of(REPORT));
        CompletableFuture<ReportClaims.Claimed> second = claimElsewhere();

        first.close();

        // the first attempt failed, so the other callback must route the report rather than acknowledge it unrouted
        assertThat(second.get(10, TimeUnit.SECONDS).reports()).containsExactly(REPORT);
        assertThat(repository.contains("1:2:0")).isTrue();
    }

    @Test
    void whileClaimedTheReportIsNotHandedOut() throws Exception {
        ReportClaims.Claimed first = claims.claim(List.of(REPORT));
        CompletableFuture<ReportClaims.Claimed> second = claimElsewhere();

        // nothing is decided for the other callback while the first one routes the report
        assertThat(second).isNotDone();
        first.close();
        assertThat(second.get(10, TimeUnit.SECONDS).reports()).isNotEmpty();
    }

    private CompletableFuture<ReportClaims.Claimed> claimElsewhere() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return claims.claim(List.of(REPORT));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, executor);
    }
}
