package io.github.mitakemms.camel.consumer;

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

/**
 * The claims behind duplicate detection, including two callbacks carrying the same report at the same time.
 */
class ReportClaimsTest {

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
        ReportClaims.Claim claim = claims.claim("1:2:0");
        assertThat(claim).isNotNull();
        claims.succeeded(claim);

        assertThat(claims.claim("1:2:0")).isNull();
        assertThat(repository.contains("1:2:0")).isTrue();
    }

    @Test
    void aFailedReportCanBeClaimedAgain() throws Exception {
        claims.failed(claims.claim("1:2:0"));

        assertThat(repository.contains("1:2:0")).isFalse();
        assertThat(claims.claim("1:2:0")).isNotNull();
    }

    @Test
    void aConcurrentDuplicateOfASucceededReportIsNotRouted() throws Exception {
        ReportClaims.Claim first = claims.claim("1:2:0");
        CompletableFuture<ReportClaims.Claim> second = claimElsewhere("1:2:0");

        claims.succeeded(first);

        // whether the other callback waited for the first or came after it, it must not route the report
        assertThat(second.get(10, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void aConcurrentDuplicateOfAFailedReportIsRouted() throws Exception {
        ReportClaims.Claim first = claims.claim("1:2:0");
        CompletableFuture<ReportClaims.Claim> second = claimElsewhere("1:2:0");

        claims.failed(first);

        // the first attempt failed, so the other callback must route the report rather than acknowledge it unrouted
        ReportClaims.Claim claim = second.get(10, TimeUnit.SECONDS);
        assertThat(claim).isNotNull();
        assertThat(claim.key()).isEqualTo("1:2:0");
    }

    @Test
    void whileClaimedTheReportIsNotHandedOut() throws Exception {
        ReportClaims.Claim first = claims.claim("1:2:0");
        CompletableFuture<ReportClaims.Claim> second = claimElsewhere("1:2:0");

        // nothing is decided for the other callback while the first one routes the report
        assertThat(second).isNotDone();
        claims.failed(first);
        assertThat(second.get(10, TimeUnit.SECONDS)).isNotNull();
    }

    private CompletableFuture<ReportClaims.Claim> claimElsewhere(String key) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return claims.claim(key);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, executor);
    }
}
