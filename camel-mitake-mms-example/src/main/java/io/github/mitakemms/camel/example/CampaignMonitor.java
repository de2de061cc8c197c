package io.github.mitakemms.camel.example;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.github.mitakemms.camel.model.PushResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bean ({@code monitor}) that shows what happens: push progress as each batch is answered, report progress on every
 * tick of its timer route, and each campaign's summary once every recipient is accounted for. Unless the application
 * keeps running as a service, it ends the run when the campaigns found at start are complete, or when time is up.
 */
public class CampaignMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignMonitor.class);
    private static final Logger SUMMARY = LoggerFactory.getLogger("summary");

    private final DataSource dataSource;
    private final boolean keepRunning;
    private final int expectedFolders;
    private final int batchSize;
    private final long deadline;
    private volatile Runnable onRunEnd = () -> { };
    private final Map<String, Progress> open = new ConcurrentHashMap<>();
    private final List<Summary> finished = new CopyOnWriteArrayList<>();
    private final AtomicInteger failedCampaigns = new AtomicInteger();
    /** Batches this instance pushed and recorded. */
    private final AtomicInteger pushCalls = new AtomicInteger();
    /** Campaign folders of the inbox taken (opened, or failed before they could be). */
    private final AtomicInteger foldersTaken = new AtomicInteger();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean timedOut;

    private static final class Progress {
        final int recipients;
        final AtomicInteger pushed = new AtomicInteger();
        final AtomicInteger queued = new AtomicInteger();
        volatile String lastLine = "";

        Progress(int recipients) {
            this.recipients = recipients;
        }
    }

    /**
     * @param expectedFolders campaign folders in the inbox at start: the run ends when they are all taken and every
     *                        campaign is complete (ignored when keepRunning)
     * @param batchSize       the most recipients a push takes
     * @param timeoutMillis   the longest the run waits for them
     */
    public CampaignMonitor(DataSource dataSource, boolean keepRunning, int expectedFolders, int batchSize,
                           long timeoutMillis) {
        this.dataSource = dataSource;
        this.keepRunning = keepRunning;
        this.expectedFolders = expectedFolders;
        this.batchSize = batchSize;
        this.deadline = System.currentTimeMillis() + timeoutMillis;
    }

    /** What to call, once, when the run should end. */
    public void setOnRunEnd(Runnable onRunEnd) {
        this.onRunEnd = onRunEnd;
    }

    public void opened(String campaignId, int recipients) {
        foldersTaken.incrementAndGet();
        open.put(campaignId, new Progress(recipients));
        LOG.info("campaign {}: {} recipients, pushing them in batches of at most {}", campaignId,
                String.format("%,d", recipients), batchSize);
    }

    /**
     * Follows the campaigns of the given source that an earlier run left unfinished, started less than 12 hours ago
     * (the gateway remembers cIDs for 12 hours: a batch still on the queue is sent at most once within them).
     */
    public void resume(String source) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select campaign_id, recipients from campaign where finished_at is null and source = ? "
                     + "and started_at > dateadd('HOUR', -12, current_timestamp)")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    open.putIfAbsent(rs.getString(1), new Progress(rs.getInt(2)));
                    LOG.info("campaign {}: left unfinished by an earlier run, following it again", rs.getString(1));
                }
            }
        }
    }

    /** A batch was put on the queue. */
    public void queued(String campaignId, int recipients) {
        Progress p = open.get(campaignId);
        int queued = p == null ? 0 : p.queued.addAndGet(recipients);
        LOG.info("campaign {}: queued {}/{}", campaignId, String.format("%,d", queued),
                p == null ? "?" : String.format("%,d", p.recipients));
    }

    public void pushed(String campaignId, PushResult result, int accepted, int refused) {
        pushCalls.incrementAndGet();
        Progress p = open.get(campaignId);
        int pushed = p == null ? 0 : p.pushed.addAndGet(accepted + refused);
        LOG.info("campaign {}: pushed {}/{} - batch {}: {} accepted, {} refused, {} points", campaignId,
                String.format("%,d", pushed), p == null ? "?" : String.format("%,d", p.recipients), result.getBatchId(),
                accepted, refused, Summary.n(result.getCostPoints()));
    }

    public void pushFailed(String campaignId, int recipients, String code, String description) {
        Progress p = open.get(campaignId);
        int pushed = p == null ? 0 : p.pushed.addAndGet(recipients);
        LOG.warn("campaign {}: pushed {}/{} - a batch of {} failed: {} {}", campaignId, String.format("%,d", pushed),
                p == null ? "?" : String.format("%,d", p.recipients), recipients, code, description);
    }

    /**
     * A campaign that failed: its folder could not be read, or a batch failed in a way the route does not handle. Its
     * summary says how far it got.
     */
    public void campaignFailed(String campaignId, String folder, Exception cause) throws SQLException {
        failedCampaigns.incrementAndGet();
        if (campaignId == null || !open.containsKey(campaignId)) {
            foldersTaken.incrementAndGet();
        }
        LOG.error("campaign {} failed: {}", campaignId != null ? campaignId : folder,
                cause == null ? "?" : cause.getMessage());
        if (campaignId != null && open.remove(campaignId) != null) {
            Summary s = Summary.of(dataSource, campaignId);
            finished.add(s);
            if (keepRunning) {
                print(s);
            }
        }
    }

    /** Called by the monitor route's timer: reports progress, finishes complete campaigns, ends the run when due. */
    public void tick() throws SQLException {
        for (Map.Entry<String, Progress> e : open.entrySet()) {
            String id = e.getKey();
            Progress p = e.getValue();
            int[] n = reportCounts(id);
            int accepted = n[0], finals = n[1], delivered = n[2], callbacks = n[3], answered = n[4];
            String line = String.format("campaign %s: reports received %,d, final %,d/%,d accepted (delivered %,d, "
                                        + "failed %,d), pending %,d", id, callbacks, finals, accepted, delivered,
                    finals - delivered, accepted - finals);
            if (!line.equals(p.lastLine) && accepted > 0) {
                LOG.info(line);
                p.lastLine = line;
            }
            // complete when the gateway's answer to every recipient is written and every accepted one has a final status
            if (answered >= p.recipients && finals == accepted) {
                finish(id);
            }
        }
        if (keepRunning || ended.get()) {
            return;
        }
        if (open.isEmpty() && foldersTaken.get() >= expectedFolders) {
            end();
        } else if (System.currentTimeMillis() > deadline) {
            timedOut = true;
            for (String id : open.keySet()) {
                Summary s = Summary.of(dataSource, id);
                finished.add(s);
                LOG.error("campaign {}: time is up with {} accepted messages still lacking a final report", id,
                        s.pending());
            }
            end();
        }
    }

    private void finish(String id) throws SQLException {
        if (open.remove(id) == null) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "update campaign set finished_at = current_timestamp where campaign_id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
        Summary s = Summary.of(dataSource, id);
        finished.add(s);
        LOG.info("campaign {}: complete, every recipient accounted for", id);
        if (keepRunning) {
            print(s);
        }
    }

    private void end() {
        if (ended.compareAndSet(false, true)) {
            onRunEnd.run();
        }
    }

    /** Prints a summary table. */
    public static void print(Summary s) {
        SUMMARY.info("");
        s.toTable().forEach(SUMMARY::info);
        SUMMARY.info("");
    }

    /** accepted, final, delivered, callbacks received, recipients with the gateway's answer. */
    private int[] reportCounts(String campaignId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select count(*) filter (where accepted), "
                     + "count(*) filter (where accepted and final_status is not null), "
                     + "count(*) filter (where accepted and final_status = '0'), "
                     + "(select count(*) from delivery_report r where r.source = 'callback' and r.batch_id in "
                     + "(select batch_id from push_batch b where b.campaign_id = ?)), "
                     + "count(*) filter (where accepted is not null) "
                     + "from sent_message where campaign_id = ?")) {
            ps.setString(1, campaignId);
            ps.setString(2, campaignId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new int[] { rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5) };
            }
        }
    }

    /** Batches this instance pushed and recorded (with several instances on one queue, its share). */
    public int getPushCalls() {
        return pushCalls.get();
    }

    public boolean isKeepRunning() {
        return keepRunning;
    }

    public int getExpectedFolders() {
        return expectedFolders;
    }

    /** Campaigns followed and not complete yet. */
    public int getOpenCampaigns() {
        return open.size();
    }

    public List<Summary> getFinished() {
        return List.copyOf(finished);
    }

    public int getFailedCampaigns() {
        return failedCampaigns.get();
    }

    public boolean isTimedOut() {
        return timedOut;
    }
}
