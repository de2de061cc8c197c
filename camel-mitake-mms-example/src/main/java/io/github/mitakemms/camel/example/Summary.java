package io.github.mitakemms.camel.example;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.github.mitakemms.camel.model.ApiCode;
import io.github.mitakemms.camel.model.MmsStatus;

/**
 * The numbers of one campaign, read from the database: every recipient is either refused or accepted, and every
 * accepted message is delivered, failed (by status) or still pending.
 */
public record Summary(String campaignId, String subject, int batches, int recipients, int accepted,
                      Map<String, Integer> refused, int delivered, Map<String, Integer> failed, int pending,
                      int pointsSpent, Map<String, Integer> finalReportsBySource) {

    public int refusedCount() {
        return refused.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int failedCount() {
        return failed.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Recipients of pushes that failed as a whole (not refused one by one by the gateway, Attachment 2). */
    public int pushFailures() {
        return refused.entrySet().stream().filter(e -> !MmsStatus.fromCode(e.getKey()).isRejected())
                .mapToInt(Map.Entry::getValue).sum();
    }

    /** Whether every recipient is accounted for: refused, delivered or failed, none pending. */
    public boolean isComplete() {
        return pending == 0 && recipients == accepted + refusedCount() && accepted == delivered + failedCount();
    }

    public static Summary of(DataSource ds, String campaignId) throws SQLException {
        try (Connection c = ds.getConnection()) {
            String subject = null;
            int recipients = 0;
            try (ResultSet rs = query(c, "select subject, recipients from campaign where campaign_id = ?", campaignId)) {
                if (rs.next()) {
                    subject = rs.getString(1);
                    recipients = rs.getInt(2);
                }
            }
            int batches = 0;
            int points = 0;
            try (ResultSet rs = query(c, "select count(*), coalesce(sum(cost_points), 0) from push_batch where campaign_id = ?",
                    campaignId)) {
                rs.next();
                batches = rs.getInt(1);
                points = rs.getInt(2);
            }
            Map<String, Integer> refused = counts(c, "select push_status, count(*) from sent_message where campaign_id = ? "
                                                     + "and not accepted group by push_status order by push_status",
                    campaignId);
            // the file pipeline writes a recipient's row before the push, the JMS pipeline with the push's answer
            int answered = single(c, "select count(*) from sent_message where campaign_id = ? and accepted is not null",
                    campaignId);
            int notPushed = Math.max(0, recipients - answered);
            if (notPushed > 0) {
                refused.put("not sent", notPushed);
            }
            int accepted = single(c, "select count(*) from sent_message where campaign_id = ? and accepted", campaignId);
            int delivered = single(c, "select count(*) from sent_message where campaign_id = ? and accepted "
                                      + "and final_status = '0'", campaignId);
            Map<String, Integer> failed = counts(c, "select final_status, count(*) from sent_message where campaign_id = ? "
                                                    + "and accepted and final_status <> '0' group by final_status "
                                                    + "order by final_status", campaignId);
            int pending = single(c, "select count(*) from sent_message where campaign_id = ? and accepted "
                                    + "and final_status is null", campaignId);
            Map<String, Integer> bySource = counts(c, "select r.source, count(*) from delivery_report r join sent_message s "
                                                      + "on s.batch_id = r.batch_id and s.msg_id = r.msg_id "
                                                      + "and s.final_status = r.status where s.campaign_id = ? "
                                                      + "and r.is_final group by r.source order by r.source", campaignId);
            // the campaign row counts the lines of the file; should a batch not even reach the table, say so
            recipients = Math.max(recipients, accepted + refused.values().stream().mapToInt(Integer::intValue).sum());
            return new Summary(campaignId, subject, batches, recipients, accepted, refused, delivered, failed, pending,
                    points, bySource);
        }
    }

    /** The summary as a table, one line per String. */
    public List<String> toTable() {
        List<String> rows = new ArrayList<>();
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] { "recipients", n(recipients) });
        cells.add(new String[] { "  refused (nothing sent)", n(refusedCount()) });
        refused.forEach((code, n) -> cells.add(new String[] { "    " + describe(code), n(n) }));
        cells.add(new String[] { "  accepted (status 1)", n(accepted) });
        cells.add(new String[] { "    delivered (status 0)", n(delivered) });
        cells.add(new String[] { "    failed", n(failedCount()) });
        failed.forEach((code, n) -> cells.add(new String[] { "      " + describe(code), n(n) }));
        cells.add(new String[] { "    pending (no final report yet)", n(pending) });
        cells.add(new String[] { "final reports by callback", n(finalReportsBySource.getOrDefault("callback", 0)) });
        cells.add(new String[] { "final reports by queryBatchDR", n(finalReportsBySource.getOrDefault("queryBatchDR", 0)) });
        cells.add(new String[] { "points spent", n(pointsSpent) });
        int width = 0;
        for (String[] c : cells) {
            width = Math.max(width, displayWidth(c[0]));
        }
        String rule = "+" + "-".repeat(width + 2) + "+" + "-".repeat(9) + "+";
        rows.add("Campaign " + campaignId + " (\"" + subject + "\", " + batches + " push calls)");
        rows.add(rule);
        for (String[] c : cells) {
            rows.add("| " + c[0] + " ".repeat(width - displayWidth(c[0])) + " | " + String.format("%7s", c[1]) + " |");
        }
        rows.add(rule);
        rows.add(isComplete() ? "Every recipient accounted for: " + n(recipients) + " = " + n(refusedCount())
                                + " refused + " + n(delivered) + " delivered + " + n(failedCount()) + " failed."
                : "NOT COMPLETE: " + n(pending) + " accepted messages have no final report.");
        return rows;
    }

    private static String describe(String code) {
        if ("not sent".equals(code)) {
            return "never pushed";
        }
        if ("ERROR".equals(code)) {
            return "the push failed (see the log)";
        }
        MmsStatus s = MmsStatus.fromCode(code);
        if (s == MmsStatus.UNKNOWN) {
            String text = ApiCode.describe(code);
            return code + (text == null ? "" : " push refused: " + text);
        }
        return code + " " + s.name().toLowerCase().replace('_', ' ') + " " + s.getText();
    }

    /** A count or an amount of points, with thousands separators (points may have decimals). */
    static String n(Number n) {
        if (n == null) {
            return "?";
        }
        BigDecimal d = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
        return d.stripTrailingZeros().scale() <= 0 ? String.format("%,d", d.longValue()) : String.format("%,.2f", d);
    }

    /** Columns a string takes in a terminal: CJK characters take two. */
    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            w += (ch >= 0x1100 && (ch <= 0x115f || (ch >= 0x2e80 && ch <= 0xa4cf) || (ch >= 0xac00 && ch <= 0xd7a3)
                                   || (ch >= 0xf900 && ch <= 0xfaff) || (ch >= 0xff00 && ch <= 0xff60))) ? 2 : 1;
        }
        return w;
    }

    private static ResultSet query(Connection c, String sql, String campaignId) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setString(1, campaignId);
        ps.closeOnCompletion();
        return ps.executeQuery();
    }

    private static int single(Connection c, String sql, String campaignId) throws SQLException {
        try (ResultSet rs = query(c, sql, campaignId)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Map<String, Integer> counts(Connection c, String sql, String campaignId) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (ResultSet rs = query(c, sql, campaignId)) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }
}
