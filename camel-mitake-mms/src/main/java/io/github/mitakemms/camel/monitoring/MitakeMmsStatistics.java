package io.github.mitakemms.camel.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counters of one account (its gateway) or of one callback consumer: what the dev console shows, Micrometer reads
 * and JMX publishes. Updated at a few places (the gateway's calls, the callback's answers); never holds a secret, a token
 * or a message's content. Thread-safe.
 */
public final class MitakeMmsStatistics {

    private static final Logger LOG = LoggerFactory.getLogger(MitakeMmsStatistics.class);

    /** What the gateway reports of itself: connections, concurrency and token. */
    public interface Gauges {
        int openConnections();

        int maxConnections();

        int concurrencyLimit();

        int inFlight();

        /** Milliseconds since the current token was obtained, or -1 without one. */
        long tokenAgeMillis();

        long tokenRequests();

        long tooManyConnections();

        long limitDecreases();
    }

    private static final Gauges NONE = new Gauges() {
        @Override
        public int openConnections() {
            return 0;
        }

        @Override
        public int maxConnections() {
            return 0;
        }

        @Override
        public int concurrencyLimit() {
            return 0;
        }

        @Override
        public int inFlight() {
            return 0;
        }

        @Override
        public long tokenAgeMillis() {
            return -1;
        }

        @Override
        public long tokenRequests() {
            return 0;
        }

        @Override
        public long tooManyConnections() {
            return 0;
        }

        @Override
        public long limitDecreases() {
            return 0;
        }
    };

    private final String name;
    private final Gauges gauges;

    private final LongAdder pushCalls = new LongAdder();
    private final LongAdder pushesAccepted = new LongAdder();
    private final ConcurrentMap<String, LongAdder> pushesRefused = new ConcurrentHashMap<>();
    private final LongAdder destinationsAccepted = new LongAdder();
    private final ConcurrentMap<String, LongAdder> destinationsRefused = new ConcurrentHashMap<>();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder queries = new LongAdder();
    private final LongAdder queriesFailed = new LongAdder();
    /** Added to without a lock: every push of every thread adds its cost. */
    private final AtomicReference<BigDecimal> pointsSpent = new AtomicReference<>(BigDecimal.ZERO);
    private volatile BigDecimal accountPoints;
    private volatile long accountPointsAt;

    private final ConcurrentMap<String, LongAdder> callbacks = new ConcurrentHashMap<>();
    private final LongAdder reportsRouted = new LongAdder();
    private final LongAdder reportsDropped = new LongAdder();

    private volatile LastError lastError;

    private volatile BigDecimal lowBalanceThreshold;
    private boolean low;

    /** Told of every count kept by code, so that Micrometer can register a meter per code as codes appear. */
    private final CopyOnWriteArrayList<BiConsumer<String, String>> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param name   the account (clientId at the gateway's host) or the callback consumer (its route)
     * @param gauges what the gateway reports of itself, or null for a callback consumer
     */
    public MitakeMmsStatistics(String name, Gauges gauges) {
        this.name = name;
        this.gauges = gauges != null ? gauges : NONE;
    }

    public String name() {
        return name;
    }

    public Gauges gauges() {
        return gauges;
    }

    // ---- updates

    /** A push call is made (every attempt counts). */
    public void pushCall() {
        pushCalls.increment();
    }

    /**
     * A push call was answered with a batch.
     *
     * @param accepted       the destinations the gateway took
     * @param refusedCodes   the codes of the destinations it refused (Attachment 2, 2018 excepted)
     * @param duplicateCount the destinations answered 2018
     * @param costPoints     the points the call cost, or null
     * @param account        the points left on the account, or null
     */
    public void pushAccepted(int accepted, Iterable<String> refusedCodes, int duplicateCount, BigDecimal costPoints,
                             BigDecimal account) {
        pushesAccepted.increment();
        destinationsAccepted.add(accepted);
        for (String code : refusedCodes) {
            count(destinationsRefused, "destinationRefused", code);
        }
        duplicates.add(duplicateCount);
        if (costPoints != null) {
            pointsSpent.accumulateAndGet(costPoints, BigDecimal::add);
        }
        if (account != null) {
            accountPoints(account);
        }
    }

    /** A push failed for good (after the gateway's own retries): by API code, else {@code HTTP <status>}, else I/O. */
    public void pushRefused(String code, String message) {
        count(pushesRefused, "pushRefused", code);
        error(code, message);
    }

    public void query() {
        queries.increment();
    }

    public void queryFailed(String code, String message) {
        queriesFailed.increment();
        error(code, message);
    }

    /** A call or the token request failed: kept as the last error. */
    public void error(String code, String message) {
        lastError = new LastError(code, message, System.currentTimeMillis());
    }

    /** A callback was answered with this HTTP status. */
    public void callback(int status) {
        count(callbacks, "callback", Integer.toString(status));
    }

    public void reportsRouted(int count) {
        reportsRouted.add(count);
    }

    /** Reports acknowledged without being routed, because the idempotent repository saw them before. */
    public void duplicatesDropped(int count) {
        reportsDropped.add(count);
    }

    /**
     * Below this many points left the account is low: a line is logged when it crosses it, and once when it recovers.
     * The highest threshold of the account's endpoints is kept.
     */
    public void lowBalanceThreshold(BigDecimal threshold) {
        if (threshold == null) {
            return;
        }
        synchronized (this) {
            if (lowBalanceThreshold == null || threshold.compareTo(lowBalanceThreshold) > 0) {
                lowBalanceThreshold = threshold;
            }
        }
    }

    private void accountPoints(BigDecimal points) {
        accountPoints = points;
        accountPointsAt = System.currentTimeMillis();
        BigDecimal threshold = lowBalanceThreshold;
        if (threshold == null) {
            return;
        }
        boolean nowLow = points.compareTo(threshold) < 0;
        boolean changed;
        synchronized (this) {
            changed = nowLow != low;
            low = nowLow;
        }
        if (changed && nowLow) {
            LOG.warn("Mitake MMS account {} has {} points left, below lowBalanceThreshold {}", name,
                    points.toPlainString(), threshold.toPlainString());
        } else if (changed) {
            LOG.info("Mitake MMS account {} has {} points left again, not below lowBalanceThreshold {}", name,
                    points.toPlainString(), threshold.toPlainString());
        }
    }

    private void count(ConcurrentMap<String, LongAdder> map, String what, String code) {
        String key = code == null || code.isBlank() ? "unknown" : code.trim();
        LongAdder adder = map.get(key);
        if (adder == null) {
            adder = map.computeIfAbsent(key, k -> new LongAdder());
            for (BiConsumer<String, String> l : listeners) {
                l.accept(what, key);
            }
        }
        adder.increment();
    }

    /** Told {@code (kind, code)} the first time a code is counted: kinds pushRefused, destinationRefused, callback. */
    public void onNewCode(BiConsumer<String, String> listener) {
        listeners.add(listener);
        pushesRefused.keySet().forEach(c -> listener.accept("pushRefused", c));
        destinationsRefused.keySet().forEach(c -> listener.accept("destinationRefused", c));
        callbacks.keySet().forEach(c -> listener.accept("callback", c));
    }

    // ---- reading

    public long pushCalls() {
        return pushCalls.sum();
    }

    public long pushesAccepted() {
        return pushesAccepted.sum();
    }

    public long pushesRefused() {
        return sum(pushesRefused);
    }

    public long pushesRefused(String code) {
        LongAdder a = pushesRefused.get(code);
        return a == null ? 0 : a.sum();
    }

    public Map<String, Long> pushesRefusedByCode() {
        return sorted(pushesRefused);
    }

    public long destinationsAccepted() {
        return destinationsAccepted.sum();
    }

    public long destinationsRefused(String code) {
        LongAdder a = destinationsRefused.get(code);
        return a == null ? 0 : a.sum();
    }

    public Map<String, Long> destinationsRefusedByCode() {
        return sorted(destinationsRefused);
    }

    public long duplicates() {
        return duplicates.sum();
    }

    public long queries() {
        return queries.sum();
    }

    public long queriesFailed() {
        return queriesFailed.sum();
    }

    public BigDecimal pointsSpent() {
        return pointsSpent.get();
    }

    /** The points left as the latest push reported them, or null before the first. */
    public BigDecimal accountPoints() {
        return accountPoints;
    }

    public BigDecimal lowBalanceThreshold() {
        return lowBalanceThreshold;
    }

    public long callbacks(int status) {
        LongAdder a = callbacks.get(Integer.toString(status));
        return a == null ? 0 : a.sum();
    }

    public Map<String, Long> callbacksByStatus() {
        return sorted(callbacks);
    }

    public long reportsRouted() {
        return reportsRouted.sum();
    }

    public long duplicatesDropped() {
        return reportsDropped.sum();
    }

    public LastError lastError() {
        return lastError;
    }

    /** Every figure, by name, for the console. */
    public Map<String, Object> producerFigures() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account", name);
        m.put("connectionsOpen", gauges.openConnections());
        m.put("connectionsBound", gauges.maxConnections());
        m.put("concurrencyLimit", gauges.concurrencyLimit());
        m.put("callsInFlight", gauges.inFlight());
        m.put("tooManyConnections", gauges.tooManyConnections());
        m.put("limitDecreases", gauges.limitDecreases());
        long age = gauges.tokenAgeMillis();
        m.put("tokenAgeSeconds", age < 0 ? null : age / 1000);
        m.put("tokenRequests", gauges.tokenRequests());
        m.put("pushCalls", pushCalls());
        m.put("pushesAccepted", pushesAccepted());
        m.put("pushesRefused", pushesRefusedByCode());
        m.put("destinationsAccepted", destinationsAccepted());
        m.put("destinationsRefused", destinationsRefusedByCode());
        m.put("duplicates", duplicates());
        m.put("pointsSpent", pointsSpent().toPlainString());
        BigDecimal points = accountPoints;
        m.put("accountPoints", points == null ? null : points.toPlainString());
        m.put("accountPointsAt", points == null ? null : Instant.ofEpochMilli(accountPointsAt).toString());
        m.put("queries", queries());
        m.put("queriesFailed", queriesFailed());
        putLastError(m);
        return m;
    }

    /** Every figure of a callback consumer, by name, for the console. */
    public Map<String, Object> callbackFigures() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("route", name);
        m.put("callbacks", callbacksByStatus());
        m.put("reportsRouted", reportsRouted());
        m.put("duplicatesDropped", duplicatesDropped());
        putLastError(m);
        return m;
    }

    private void putLastError(Map<String, Object> m) {
        LastError e = lastError;
        if (e != null) {
            Map<String, Object> le = new LinkedHashMap<>();
            le.put("code", e.code());
            le.put("message", e.message());
            le.put("at", Instant.ofEpochMilli(e.at()).toString());
            m.put("lastError", le);
        }
    }

    private static long sum(Map<String, LongAdder> map) {
        long n = 0;
        for (LongAdder a : map.values()) {
            n += a.sum();
        }
        return n;
    }

    private static Map<String, Long> sorted(Map<String, LongAdder> map) {
        Map<String, Long> m = new TreeMap<>();
        map.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    @Override
    public String toString() {
        return "MitakeMmsStatistics[" + name + "]";
    }

    /**
     * The last failure: its API code (or {@code HTTP <status>}, {@code I/O}) and the component's message, which names
     * codes and descriptions, never a secret or a token.
     */
    public record LastError(String code, String message, long at) {
    }
}
