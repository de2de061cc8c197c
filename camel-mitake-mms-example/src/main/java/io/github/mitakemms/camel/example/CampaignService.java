package io.github.mitakemms.camel.example;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.github.mitakemms.camel.exception.MitakeMmsException;
import io.github.mitakemms.camel.model.Attachment;
import io.github.mitakemms.camel.model.MessageResult;
import io.github.mitakemms.camel.model.PushResult;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bean ({@code campaigns}) the campaign route calls: reads a campaign folder, shapes each batch of recipients into a
 * push request (a Map with the API's field names) and the rows of the sent_message table, and archives the folder.
 */
public class CampaignService {

    /** Exchange properties of the campaign route. */
    public static final String CAMPAIGN_ID = "campaignId";
    public static final String CAMPAIGN = "campaign";
    public static final String PUSH_REQUEST = "pushRequest";
    public static final String BATCH_ROWS = "batchRows";

    private static final Logger LOG = LoggerFactory.getLogger(CampaignService.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final Path archive;
    private final CampaignMonitor monitor;
    /** Campaigns of which a push failed as a whole: their folder goes to failed/. */
    private final Set<String> withFailedPush = ConcurrentHashMap.newKeySet();

    public CampaignService(Path archive, CampaignMonitor monitor) {
        this.archive = archive;
        this.monitor = monitor;
    }

    /** What a campaign folder holds besides its recipients: campaign.properties and the image it names. */
    public record Campaign(String id, Path folder, String subject, String text, String projectName,
                           Attachment image, String imageName, int imageBytes) {
    }

    /**
     * Reads campaign.properties (subject, text, image, optional projectName) and the image of the folder holding the
     * recipients file, and gives the campaign an id: the folder's name and the time.
     */
    public void open(Exchange exchange) throws IOException {
        Path csv = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class)).toAbsolutePath();
        Path folder = csv.getParent();
        Properties p = new Properties();
        Path descriptor = folder.resolve("campaign.properties");
        if (!Files.exists(descriptor)) {
            throw new IllegalArgumentException("Campaign " + folder + " has no campaign.properties");
        }
        try (Reader r = Files.newBufferedReader(descriptor, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String subject = required(p, "subject", descriptor);
        String text = p.getProperty("text", "").replace("\\n", "\n");
        String imageName = required(p, "image", descriptor);
        byte[] image = Files.readAllBytes(folder.resolve(imageName));
        String id = shorten(folder.getFileName() + "-" + LocalDateTime.now().format(STAMP), 36);
        Campaign campaign = new Campaign(id, folder, subject, text, p.getProperty("projectName", id),
                Attachment.of(imageName, image), imageName, image.length);
        exchange.setProperty(CAMPAIGN_ID, id);
        exchange.setProperty(CAMPAIGN, campaign);
        exchange.setProperty("campaignSubject", subject);
        LOG.info("campaign {}: subject \"{}\", image {} ({} bytes), recipients from {}", id, subject, imageName,
                image.length, csv.getFileName());
    }

    /** The recipients of the campaign were read: the monitor starts following it. */
    public void recipientsRead(Exchange exchange, List<?> recipients) {
        monitor.opened(exchange.getProperty(CAMPAIGN_ID, String.class), recipients(recipients).size());
    }

    /** The recipients of a list, flattened: simple's collate gives a chunk of one element as a list in a list. */
    static List<Recipient> recipients(List<?> list) {
        List<Recipient> recipients = new ArrayList<>(list.size());
        for (Object o : list) {
            if (o instanceof Recipient r) {
                recipients.add(r);
            } else if (o instanceof List<?> inner) {
                recipients.addAll(recipients(inner));
            } else if (o != null) {
                throw new IllegalArgumentException("Not a recipient: " + o.getClass().getName());
            }
        }
        return recipients;
    }

    /**
     * One batch of recipients: keeps the push request (subject, content, destinations with a fresh cID each,
     * attachments) in the exchange property pushRequest, and returns the sent_message rows to insert before sending.
     */
    public List<Map<String, Object>> prepareBatch(Exchange exchange, List<?> chunk) {
        Campaign campaign = exchange.getProperty(CAMPAIGN, Campaign.class);
        List<Recipient> batch = recipients(chunk);
        List<Map<String, Object>> rows = new ArrayList<>(batch.size());
        List<Map<String, Object>> destinations = new ArrayList<>(batch.size());
        for (Recipient r : batch) {
            // our own cID: the gateway answers a re-sent cID with its earlier result instead of sending twice
            String cid = UUID.randomUUID().toString();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("cid", cid);
            row.put("campaignId", campaign.id());
            row.put("phone", r.getPhone());
            row.put("name", shorten(r.getName(), 100));
            rows.add(row);
            destinations.add(Map.of("to", r.getPhone(), "cID", cid));
        }
        Map<String, Object> push = new LinkedHashMap<>();
        push.put("subject", campaign.subject());
        push.put("content", campaign.text());
        push.put("projectName", shorten(campaign.projectName(), 36));
        push.put("destinations", destinations);
        push.put("attachments", List.of(campaign.image()));
        exchange.setProperty(PUSH_REQUEST, push);
        exchange.setProperty(BATCH_ROWS, rows);
        return rows;
    }

    /** The sent_message updates for the gateway's answer to one push: batchID, msgID and status per cID. */
    public List<Map<String, Object>> pushedRows(Exchange exchange, PushResult result) {
        String campaignId = exchange.getProperty(CAMPAIGN_ID, String.class);
        List<Map<String, Object>> rows = new ArrayList<>(result.getMessages().size());
        int accepted = 0;
        for (MessageResult m : result.getMessages()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("cid", m.getCId());
            row.put("batchId", m.getBatchId());
            row.put("msgId", m.isRejected() ? null : m.getMsgId());
            row.put("status", m.getStatus());
            row.put("statusDesc", shorten(m.getStatusDesc(), 64));
            row.put("point", m.getPoint() == null ? java.math.BigDecimal.ZERO : m.getPoint());
            row.put("accepted", !m.isRejected());
            rows.add(row);
            accepted += m.isRejected() ? 0 : 1;
        }
        monitor.pushed(campaignId, result, accepted, result.getMessages().size() - accepted);
        return rows;
    }

    /** The sent_message updates when a push failed as a whole: every recipient of the batch is refused, with the code. */
    public List<Map<String, Object>> failedRows(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String code = e instanceof MitakeMmsException me && me.getCode() != null ? me.getCode() : "ERROR";
        String desc = e == null ? "push failed" : e.getMessage();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> batch = exchange.getProperty(BATCH_ROWS, List.class);
        List<Map<String, Object>> rows = new ArrayList<>(batch.size());
        for (Map<String, Object> b : batch) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("cid", b.get("cid"));
            row.put("status", shorten(code, 8));
            row.put("statusDesc", shorten(desc, 64));
            rows.add(row);
        }
        String campaignId = exchange.getProperty(CAMPAIGN_ID, String.class);
        withFailedPush.add(campaignId);
        monitor.pushFailed(campaignId, rows.size(), code, desc);
        return rows;
    }

    /** Moves the campaign folder out of the inbox, into done/ (or failed/ when the route failed). */
    public void archive(Exchange exchange) throws IOException {
        Campaign campaign = exchange.getProperty(CAMPAIGN, Campaign.class);
        Path folder = campaign != null ? campaign.folder()
                : Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class)).toAbsolutePath().getParent();
        boolean failed = exchange.getProperty(Exchange.EXCEPTION_CAUGHT) != null || exchange.isFailed()
                         || campaign != null && withFailedPush.remove(campaign.id());
        String name = campaign != null ? campaign.id() : folder.getFileName() + "-" + LocalDateTime.now().format(STAMP);
        if (!Files.isDirectory(folder)) {
            return; // already archived
        }
        Path target = archive.resolve(failed ? "failed" : "done").resolve(name);
        Files.createDirectories(target.getParent());
        Files.move(folder, target, StandardCopyOption.REPLACE_EXISTING);
        LOG.info("campaign {}: folder moved to {}", name, target);
    }

    private static String required(Properties p, String key, Path file) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(file + " lacks " + key);
        }
        return v.trim();
    }

    static String shorten(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
