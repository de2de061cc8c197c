package io.github.mitakemms.camel.example.simulator;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.extension.TemplateHelperProviderExtension;
import com.github.tomakehurst.wiremock.extension.TemplateModelDataProviderExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import wiremock.com.github.jknack.handlebars.Helper;
import wiremock.com.github.jknack.handlebars.Options;

/**
 * The simulator's memory, offered to the stub templates as Handlebars helpers. The stub mappings under
 * {@code simulator/mappings} decide what the gateway answers; this class only remembers what a push accepted, so that
 * the webhook and the two queries can report on it later, and hands out ids and points as a gateway would:
 * <ul>
 * <li>{@code mitakeBatchId requestId} the batch id of a push request (a new one on first use, the same afterwards, so
 * the push response and its webhook agree);</li>
 * <li>{@code mitakeMsgId batchId index} the msgID of the index-th destination of a batch;</li>
 * <li>{@code mitakeRecord batchId msgId to= cID= status= point= statusTime=} remembers an accepted message and its
 * final status;</li>
 * <li>{@code mitakeReports batchId [msgIds]} the remembered messages of a batch (all, or those of the given
 * msgIDs), each a map with batchID, msgID, to, cID, status, statusTime, point;</li>
 * <li>{@code mitakeCost batchId} the points of a batch, {@code mitakeBalance batchId} the account's points after
 * it.</li>
 * </ul>
 * It also puts {@code simulator.callbackUrl} into every template's model: where the webhook posts the reports.
 */
public class GatewayLedger implements TemplateHelperProviderExtension, TemplateModelDataProviderExtension {

    private final String callbackUrl;
    private final AtomicLong balance;
    private final AtomicLong nextBatch;
    private final Map<String, String> batchOfRequest = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, Object>>> batches = new ConcurrentHashMap<>();
    private final Map<String, Boolean> charged = new ConcurrentHashMap<>();

    public GatewayLedger(String callbackUrl, long accountPoints) {
        this.callbackUrl = callbackUrl;
        this.balance = new AtomicLong(accountPoints);
        // ids like the spec's: 18 digits, beyond what a double holds exactly
        this.nextBatch = new AtomicLong(304934976469L + (System.currentTimeMillis() / 1000) % 100_000);
    }

    @Override
    public String getName() {
        return "mitake-ledger";
    }

    @Override
    public Map<String, Object> provideTemplateModelData(ServeEvent serveEvent) {
        return Map.of("simulator", Map.of("callbackUrl", callbackUrl));
    }

    @Override
    public Map<String, Helper<?>> provideTemplateHelpers() {
        Map<String, Helper<?>> helpers = new LinkedHashMap<>();
        helpers.put("mitakeBatchId", (Object requestId, Options options) -> batchId(String.valueOf(requestId)));
        helpers.put("mitakeMsgId", (Object batchId, Options options) -> new BigInteger(String.valueOf(batchId))
                .add(BigInteger.valueOf(1 + ((Number) options.param(0)).longValue())).toString());
        helpers.put("mitakeRecord", (Object batchId, Options options) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("batchID", String.valueOf(batchId));
            m.put("msgID", String.valueOf((Object) options.param(0)));
            m.put("to", String.valueOf((Object) options.hash("to")));
            m.put("cID", options.hash("cID"));
            m.put("status", String.valueOf((Object) options.hash("status")));
            m.put("statusTime", String.valueOf((Object) options.hash("statusTime")));
            m.put("point", options.hash("point"));
            batches.computeIfAbsent(String.valueOf(batchId), k -> Collections.synchronizedList(new ArrayList<>())).add(m);
            return "";
        });
        helpers.put("mitakeReports", (Object batchId, Options options) -> reports(String.valueOf(batchId),
                options.params.length > 0 ? (Object) options.param(0) : null));
        helpers.put("mitakeCost", (Object batchId, Options options) -> cost(String.valueOf(batchId)));
        helpers.put("mitakeBalance", (Object batchId, Options options) -> {
            String id = String.valueOf(batchId);
            if (charged.putIfAbsent(id, Boolean.TRUE) == null) {
                return balance.addAndGet(-cost(id));
            }
            return balance.get();
        });
        return helpers;
    }

    private String batchId(String requestId) {
        return batchOfRequest.computeIfAbsent(requestId, k -> nextBatch.getAndIncrement() + "000000");
    }

    private List<Map<String, Object>> reports(String batchId, Object msgIds) {
        List<Map<String, Object>> all = batches.getOrDefault(batchId, List.of());
        if (!(msgIds instanceof Iterable<?> wanted)) {
            synchronized (all) {
                return List.copyOf(all);
            }
        }
        List<String> ids = new ArrayList<>();
        wanted.forEach(id -> ids.add(String.valueOf(id)));
        List<Map<String, Object>> found = new ArrayList<>();
        for (Map<String, Object> m : all) {
            if (ids.contains(m.get("msgID"))) {
                found.add(m);
            }
        }
        return found;
    }

    private long cost(String batchId) {
        long sum = 0;
        for (Map<String, Object> m : batches.getOrDefault(batchId, List.of())) {
            Object p = m.get("point");
            sum += p == null ? 0 : Long.parseLong(p.toString());
        }
        return sum;
    }
}
