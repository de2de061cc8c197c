package io.github.mitakemms.camel.example.simulator;

import java.math.BigInteger;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.extension.TemplateHelperProviderExtension;
import com.github.tomakehurst.wiremock.extension.TemplateModelDataProviderExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import wiremock.com.github.jknack.handlebars.Helper;
import wiremock.com.github.jknack.handlebars.Options;

/**
 * The simulated gateway's memory and its rules for a push, offered to the stub templates as Handlebars helpers. The stub
 * mappings under {@code simulator/mappings} decide which request gets which answer; this class decides what a push
 * does to each destination and remembers it, so that the webhook and the two queries can report on it later:
 * <ul>
 * <li>{@code mitakePush requestId destinations} answers a push request: batchID, one answer per destination, costPoints
 * and accountPoints. A destination that is not a mobile number (09xxxxxxxx or +8869xxxxxxxx) is refused with 2011 and
 * nothing is sent; every other one is sent, status 1 and 3 points, with a final fate by its last digits: 404 gives 2001
 * 門號有錯誤, 408 gives 2003 逾時無法送達, any other 0 已送達手機. A cID the gateway has seen before is answered with its
 * earlier answer and nothing is sent again, as the spec says ("若曾發送過，則直接回覆之前發送的回覆值"); a request all of whose
 * cIDs were seen gets the earlier reply whole, batchID and points included;</li>
 * <li>{@code mitakeCallbackUrl requestId}, {@code mitakeCallbackCopyUrl requestId} and {@code mitakeCallbackBody
 * requestId}: where the webhook posts the delivery reports of what that request sent, and what it posts (numbers ending
 * in 777 only get 2 已送達業者 by callback: their final 0 comes only by query). Callback URLs are taken in turn, so that
 * with several instances of the application callbacks arrive at each; with copies on, every callback is posted to a
 * second instance as well, as a gateway retrying a callback would. A request that sent nothing posts to a sink of the
 * simulator's own;</li>
 * <li>{@code mitakeReports batchId [msgIds]} the messages of a batch (all, or those of the given msgIDs), each a map with
 * batchID, msgID, to, cID, status, statusTime, point.</li>
 * </ul>
 * It counts what a gateway's bill would show: messages sent, destinations refused, cIDs answered from memory, and
 * duplicate sends (a number sent a second time under another cID, which is what a client retrying without its cIDs
 * causes).
 */
public class GatewayLedger implements TemplateHelperProviderExtension, TemplateModelDataProviderExtension {

    /** Counts of what the gateway did. */
    public record Counts(int pushCalls, int sent, int refused, int repeatedCids, int duplicateSends) {
    }

    private static final Pattern MOBILE = Pattern.compile("^(09[0-9]{8}|\\+8869[0-9]{8})$");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    private static final int POINTS = 3;

    private final List<String> callbackUrls;
    private final boolean copyCallbacks;
    private final AtomicLong balance;
    private final AtomicLong nextBatch;
    private final AtomicInteger nextCallback = new AtomicInteger();
    private volatile String sinkUrl = "";

    /** The reply to each push request, by WireMock's request id. */
    private final Map<String, Map<String, Object>> replyOfRequest = new ConcurrentHashMap<>();
    /** The messages each push request sent (the webhook reports these). */
    private final Map<String, List<Map<String, Object>>> sentByRequest = new ConcurrentHashMap<>();
    /** The callback URL of each push request. */
    private final Map<String, Integer> callbackOfRequest = new ConcurrentHashMap<>();
    /** The earlier answer to every cID seen. */
    private final Map<String, Map<String, Object>> answerOfCid = new ConcurrentHashMap<>();
    /** The reply of each batch, to repeat it whole. */
    private final Map<String, Map<String, Object>> replyOfBatch = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, Object>>> batches = new ConcurrentHashMap<>();
    private final Set<String> numbersSent = ConcurrentHashMap.newKeySet();
    private final AtomicInteger pushCalls = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger repeatedCids = new AtomicInteger();
    private final AtomicInteger duplicateSends = new AtomicInteger();

    public GatewayLedger(List<String> callbackUrls, boolean copyCallbacks, long accountPoints) {
        this.callbackUrls = List.copyOf(callbackUrls);
        this.copyCallbacks = copyCallbacks;
        this.balance = new AtomicLong(accountPoints);
        // ids like the spec's: 18 digits, beyond what a double holds exactly
        this.nextBatch = new AtomicLong(304934976469L + (System.currentTimeMillis() / 1000) % 100_000);
    }

    /** Where callbacks go that carry nothing new: the simulator's own sink (simulator/mappings/callback-sink.json). */
    void setSinkUrl(String sinkUrl) {
        this.sinkUrl = sinkUrl;
    }

    public Counts counts() {
        return new Counts(pushCalls.get(), sent.get(), refused.get(), repeatedCids.get(), duplicateSends.get());
    }

    @Override
    public String getName() {
        return "mitake-ledger";
    }

    @Override
    public Map<String, Object> provideTemplateModelData(ServeEvent serveEvent) {
        return Map.of();
    }

    @Override
    public Map<String, Helper<?>> provideTemplateHelpers() {
        Map<String, Helper<?>> helpers = new LinkedHashMap<>();
        helpers.put("mitakePush", (Object requestId, Options options) ->
                replyOfRequest.computeIfAbsent(String.valueOf(requestId), id -> push(id, options.param(0))));
        helpers.put("mitakeCallbackUrl", (Object requestId, Options options) -> callbackUrl(String.valueOf(requestId), 0));
        helpers.put("mitakeCallbackCopyUrl", (Object requestId, Options options) ->
                copyCallbacks && callbackUrls.size() > 1 ? callbackUrl(String.valueOf(requestId), 1) : sinkUrl);
        helpers.put("mitakeCallbackBody", (Object requestId, Options options) -> callbackBody(String.valueOf(requestId)));
        helpers.put("mitakeReports", (Object batchId, Options options) -> reports(String.valueOf(batchId),
                options.params.length > 0 ? (Object) options.param(0) : null));
        return helpers;
    }

    /** Answers one push request (synchronized: one push at a time, as the counts and the balance must agree). */
    private synchronized Map<String, Object> push(String requestId, Object destinations) {
        pushCalls.incrementAndGet();
        List<Map<?, ?>> dests = new ArrayList<>();
        if (destinations instanceof Iterable<?> it) {
            it.forEach(d -> dests.add(d instanceof Map<?, ?> m ? m : Map.of()));
        }
        // every cID seen before, all of one earlier batch: the earlier reply, whole
        Map<String, Object> earlier = earlierReply(dests);
        if (earlier != null) {
            repeatedCids.addAndGet(dests.size());
            sentByRequest.put(requestId, List.of());
            return earlier;
        }
        String batchId = nextBatch.getAndIncrement() + "000000";
        String now = ZonedDateTime.now(TAIPEI).format(STAMP);
        List<Map<String, Object>> answers = new ArrayList<>(dests.size());
        List<Map<String, Object>> newlySent = new ArrayList<>();
        long cost = 0;
        for (int i = 0; i < dests.size(); i++) {
            String to = dests.get(i).get("to") == null ? "" : String.valueOf(dests.get(i).get("to"));
            Object cidValue = dests.get(i).get("cID");
            String cid = cidValue == null ? null : String.valueOf(cidValue);
            Map<String, Object> answer = cid == null ? null : answerOfCid.get(cid);
            if (answer != null) {
                repeatedCids.incrementAndGet();
                answers.add(answer);
                continue;
            }
            answer = new LinkedHashMap<>();
            if (MOBILE.matcher(to).matches()) {
                String msgId = new BigInteger(batchId).add(BigInteger.valueOf(1L + i)).toString();
                answer.put("msgID", msgId);
                answer.put("cID", cid == null ? "" : cid);
                answer.put("status", "1");
                answer.put("statusDesc", "已送達三竹");
                answer.put("statusTime", now);
                answer.put("point", POINTS);
                cost += POINTS;
                sent.incrementAndGet();
                if (!numbersSent.add(to)) {
                    duplicateSends.incrementAndGet();
                }
                Map<String, Object> message = new LinkedHashMap<>();
                message.put("batchID", batchId);
                message.put("msgID", msgId);
                message.put("to", to);
                message.put("cID", cid);
                message.put("status", to.endsWith("404") ? "2001" : to.endsWith("408") ? "2003" : "0");
                message.put("statusTime", now);
                message.put("point", POINTS);
                batches.computeIfAbsent(batchId, k -> Collections.synchronizedList(new ArrayList<>())).add(message);
                newlySent.add(message);
            } else {
                answer.put("msgID", null);
                answer.put("cID", cid == null ? "" : cid);
                answer.put("status", "2011");
                answer.put("statusDesc", "手機號碼格式錯誤");
                answer.put("statusTime", now);
                answer.put("point", 0);
                refused.incrementAndGet();
            }
            answer.put("batchID", batchId);
            if (cid != null) {
                answerOfCid.put(cid, answer);
            }
            answers.add(answer);
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("batchID", batchId);
        reply.put("messages", answers);
        reply.put("costPoints", cost);
        reply.put("accountPoints", balance.addAndGet(-cost));
        replyOfBatch.put(batchId, reply);
        sentByRequest.put(requestId, newlySent);
        callbackOfRequest.put(requestId, nextCallback.getAndIncrement());
        return reply;
    }

    private Map<String, Object> earlierReply(List<Map<?, ?>> dests) {
        String batchId = null;
        for (Map<?, ?> d : dests) {
            Object cid = d.get("cID");
            Map<String, Object> answer = cid == null ? null : answerOfCid.get(String.valueOf(cid));
            if (answer == null || batchId != null && !batchId.equals(answer.get("batchID"))) {
                return null;
            }
            batchId = (String) answer.get("batchID");
        }
        Map<String, Object> reply = batchId == null ? null : replyOfBatch.get(batchId);
        return reply != null && ((List<?>) reply.get("messages")).size() == dests.size() ? reply : null;
    }

    private String callbackUrl(String requestId, int offset) {
        List<Map<String, Object>> sentNow = sentByRequest.getOrDefault(requestId, List.of());
        Integer n = callbackOfRequest.get(requestId);
        if (sentNow.isEmpty() || n == null || callbackUrls.isEmpty()) {
            return sinkUrl;
        }
        return callbackUrls.get((n + offset) % callbackUrls.size());
    }

    private String callbackBody(String requestId) {
        StringBuilder body = new StringBuilder("{\"messages\":[");
        List<Map<String, Object>> sentNow = sentByRequest.getOrDefault(requestId, List.of());
        for (int i = 0; i < sentNow.size(); i++) {
            Map<String, Object> r = sentNow.get(i);
            String status = String.valueOf(r.get("to")).endsWith("777") ? "2" : String.valueOf(r.get("status"));
            body.append(i == 0 ? "" : ",").append("{\"batchID\":").append(r.get("batchID")).append(",\"msgID\":")
                    .append(r.get("msgID")).append(",\"status\":\"").append(status).append("\",\"statusTime\":\"")
                    .append(r.get("statusTime")).append("\",\"point\":").append(r.get("point")).append('}');
        }
        return body.append("]}").toString();
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
        synchronized (all) {
            for (Map<String, Object> m : all) {
                if (ids.contains(m.get("msgID"))) {
                    found.add(m);
                }
            }
        }
        return found;
    }
}
