package io.github.mitakemms.camel.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RandomUuidsTest {

    @Test
    void givesVersion4UuidsAsRandomUuidDoes() {
        for (int i = 0; i < 1_000; i++) {
            UUID uuid = RandomUuids.next();
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(UUID.fromString(uuid.toString())).isEqualTo(uuid);
            assertThat(uuid.toString()).hasSize(36);
        }
    }

    @Test
    void neverRepeatsWithinOrAcrossThreads() throws Exception {
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                counts.add(pool.submit(() -> {
                    int added = 0;
                    for (int i = 0; i < 25_000; i++) {
                        added += seen.add(RandomUuids.next()) ? 1 : 0;
                    }
                    return added;
                }));
            }
            int total = 0;
            for (Future<Integer> f : counts) {
                total += f.get();
            }
            assertThat(total).isEqualTo(200_000);
            assertThat(seen).hasSize(200_000);
        } finally {
            pool.shutdownNow();
        }
    }
}
