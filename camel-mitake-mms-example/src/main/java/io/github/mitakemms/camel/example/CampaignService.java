package io.github.mitakemms.camel.example;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.github.mitakemms.camel.MitakeMmsConstants;
import io.github.mitakemms.camel.example.routes.QueueRoutes;
import io.github.mitakemms.camel.exception.MitakeMmsException;
import io.github.mitakemms.camel.model.Attachment;
import io.github.mitakemms.camel.model.MessageResult;
import io.github.mitakemms.camel.model.PushResult;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bean ({@code campaigns}) the campaign route calls: reads a campaign folder, shapes each batch of recipients into a
 * push request (a Map with the API's field names) and the rows of the sent_message table, and archives the folder.
 */
public class CampaignService {

    /** Exchange properties of the campaign route (the campaign id is also a JMS property of a queued batch). */
    public static final String CAMPAIGN_ID = "campaignId";
    public static final String CAMPAIGN = "campaign";
    public static final String CAMPAIGN_SUBJECT = "campaignSubject";
    public static final String PUSH_REQUEST = "pushRequest";
    public static final String BATCH_ROWS = "batchRows";
    /** Exchange property: the recipients of a batch taken from the queue, each a Map of phone and name. */
    public static final String RECIPIENTS = "recipients";
    /** Exchange property: the message of a batch taken from the queue, as it came. */
    public static final String QUEUED_BODY = "queuedBody";
    /** Header: how many recipients a queued batch holds. */
    public static final String BATCH_SIZE = "batchSize";

    private static final Logger LOG = LoggerFactory.getLogger(CampaignService.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final Path archive;
    private final CampaignMonitor monitor;
    private final boolean stableIds;
    /** Campaigns of which a push failed as a whole: their folder goes to failed/. */
    private final Set<String> withFailedPush = ConcurrentHashMap.newKeySet();

    /**
     * @param archive   the folder holding done/ and failed/
     * @param stableIds whether a campaign's id is taken from its recipients file's time instead of the time it is read,
     *                  so that reading the same folder again (after a crash, before it was archived) gives the same
     *                  campaign and batch keys: the JMS pipeline's cIDs derive from them
     */
    public CampaignService(Path archive, CampaignMonitor monitor, boolean stableIds) {
        this.archive = archive;
        this.monitor = monitor;
        this.stableIds = stableIds;
    }

    /** What a campaign folder holds besides its recipients: campaign.properties and the image it names. */
    public record Campaign(String id, Path folder, String subject, String text, String projectName,
                           Attachment image, String imageName, byte[] imageContent) {
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
        LocalDateTime time = stableIds
                ? LocalDateTime.ofInstant(Files.getLastModifiedTime(csv).toInstant(), ZoneId.systemDefault())
                : LocalDateTime.now();
        String id = shorten(folder.getFileName() + "-" + time.format(STAMP), 36);
        Campaign campaign = new Campaign(id, folder, subject, text, p.getProperty("projectName", id),
                Attachment.of(imageName, image), imageName, image);
        exchange.setProperty(CAMPAIGN_ID, id);
        exchange.setProperty(CAMPAIGN, campaign);
        exchange.setProperty(CAMPAIGN_SUBJECT, subject);
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
        Map<String, Object> push = request(campaign, destinations);
        push.put("attachments", List.of(campaign.image()));
        exchange.setProperty(PUSH_REQUEST, push);
        exchange.setProperty(BATCH_ROWS, rows);
        return rows;
    }

    /**
     * One batch of recipients for the queue: a Map (written as JSON) holding the push request, whose destinations carry
     * no cID (the consumer's push derives them from the batch key), and the recipients' names for the database. Sets the
     * headers the consumer needs: the batch key, the campaign id and the batch size.
     */
    public Map<String, Object> queueBatch(Exchange exchange, List<?> chunk) {
        Campaign campaign = exchange.getProperty(CAMPAIGN, Campaign.class);
        List<Recipient> batch = recipients(chunk);
        List<Map<String, Object>> destinations = new ArrayList<>(batch.size());
        List<Map<String, Object>> people = new ArrayList<>(batch.size());
        for (Recipient r : batch) {
            destinations.add(Map.of("to", r.getPhone()));
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("phone", r.getPhone());
            person.put("name", shorten(r.getName(), 100));
            people.add(person);
        }
        Map<String, Object> push = request(campaign, destinations);
        push.put("attachments", List.of(Map.of("attachName", campaign.imageName(), "attachType",
                campaign.imageName().substring(campaign.imageName().lastIndexOf('.') + 1).toLowerCase(Locale.ROOT),
                "attachContent", Base64.getEncoder().encodeToString(campaign.imageContent()))));
        int number = exchange.getProperty(Exchange.SPLIT_INDEX, 0, Integer.class) + 1;
        exchange.getMessage().setHeader(QueueRoutes.BATCH_KEY, campaign.id() + "/" + number);
        exchange.getMessage().setHeader(CAMPAIGN_ID, campaign.id());
        exchange.getMessage().setHeader(BATCH_SIZE, batch.size());
        Map<String, Object> message = new LinkedHashMap<>();
        message.put(RECIPIENTS, people);
        message.put("push", push);
        return message;
    }

    /** A batch taken from the queue (its JSON read as a Map): keeps its recipients and returns the push request. */
    public Map<?, ?> unqueueBatch(Exchange exchange, Map<?, ?> message) {
        exchange.setProperty(CAMPAIGN_ID, exchange.getMessage().getHeader(CAMPAIGN_ID, String.class));
        exchange.setProperty(RECIPIENTS, message.get(RECIPIENTS));
        return (Map<?, ?>) message.get("push");
    }

    /**
     * A batch that cannot be sent goes to the dead-letter queue as it came from the queue, with the cIDs it was (or
     * would have been) sent with as a comma-separated String: JMS properties cannot carry a List.
     */
    public void deadLetter(Exchange exchange) {
        Message message = exchange.getMessage();
        List<String> cids = cids(exchange);
        if (!cids.isEmpty()) {
            message.setHeader(MitakeMmsConstants.CIDS, String.join(",", cids));
        }
        message.setBody(exchange.getProperty(QUEUED_BODY));
    }

    /** The sent_message rows for the gateway's answer to one push: batchID, msgID and status per cID. */
    public List<Map<String, Object>> pushedRows(Exchange exchange, PushResult result) {
        String campaignId = exchange.getProperty(CAMPAIGN_ID, String.class);
        Map<String, Map<String, Object>> batch = batchRows(exchange);
        List<Map<String, Object>> rows = new ArrayList<>(result.getMessages().size());
        int accepted = 0;
        for (MessageResult m : result.getMessages()) {
            Map<String, Object> row = recipientRow(batch, m.getCId(), campaignId);
            row.put("batchId", m.getBatchId());
            row.put("msgId", m.isRejected() ? null : m.getMsgId());
            row.put("status", m.getStatus());
            row.put("statusDesc", shorten(m.getStatusDesc(), 64));
            row.put("point", m.getPoint() == null ? BigDecimal.ZERO : m.getPoint());
            row.put("accepted", !m.isRejected());
            rows.add(row);
            accepted += m.isRejected() ? 0 : 1;
        }
        monitor.pushed(campaignId, result, accepted, result.getMessages().size() - accepted);
        return rows;
    }

    /** The sent_message rows when a push failed as a whole: every recipient of the batch is refused, with the code. */
    public List<Map<String, Object>> failedRows(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String code = e instanceof MitakeMmsException me && me.getCode() != null ? me.getCode() : "ERROR";
        String desc = e == null ? "push failed" : e.getMessage();
        String campaignId = exchange.getProperty(CAMPAIGN_ID, String.class);
        Map<String, Map<String, Object>> batch = batchRows(exchange);
        List<Map<String, Object>> rows = new ArrayList<>(batch.size());
        for (String cid : batch.keySet()) {
            Map<String, Object> row = recipientRow(batch, cid, campaignId);
            row.put("status", shorten(code, 8));
            row.put("statusDesc", shorten(desc, 64));
            rows.add(row);
        }
        withFailedPush.add(campaignId);
        monitor.pushFailed(campaignId, rows.size(), code, desc);
        return rows;
    }

    /**
     * The batch's recipients by cID: the rows written before the push (file pipeline), or the queued recipients paired
     * with the cIDs the push gave them, in order (JMS pipeline).
     */
    private static Map<String, Map<String, Object>> batchRows(Exchange exchange) {
        Map<String, Map<String, Object>> byCid = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = exchange.getProperty(BATCH_ROWS, List.class);
        if (rows != null) {
            rows.forEach(r -> byCid.put((String) r.get("cid"), r));
            return byCid;
        }
        List<?> people = exchange.getProperty(RECIPIENTS, List.class);
        List<String> cids = cids(exchange);
        for (int i = 0; people != null && i < people.size(); i++) {
            Map<?, ?> person = (Map<?, ?>) people.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            // without the push's cIDs (it failed before giving them), a stable stand-in of the batch key and position
            String cid = i < cids.size() ? cids.get(i)
                    : UUID.nameUUIDFromBytes((exchange.getMessage().getHeader(QueueRoutes.BATCH_KEY) + "/" + i)
                            .getBytes(StandardCharsets.UTF_8)).toString();
            row.put("cid", cid);
            row.put("phone", person.get("phone"));
            row.put("name", person.get("name"));
            byCid.put(cid, row);
        }
        return byCid;
    }

    private static Map<String, Object> recipientRow(Map<String, Map<String, Object>> batch, String cid,
                                                    String campaignId) {
        Map<String, Object> recipient = batch.getOrDefault(cid, Map.of());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("cid", cid);
        row.put("campaignId", campaignId);
        row.put("phone", recipient.getOrDefault("phone", "?"));
        row.put("name", recipient.get("name"));
        return row;
    }

    /** The cIDs the push gave the destinations, in order (the header is a List, or a String from a queue). */
    private static List<String> cids(Exchange exchange) {
        Object value = exchange.getMessage().getHeader(MitakeMmsConstants.CIDS);
        List<String> cids = new ArrayList<>();
        if (value instanceof Iterable<?> list) {
            list.forEach(c -> cids.add(String.valueOf(c)));
        } else if (value instanceof String s && !s.isBlank()) {
            cids.addAll(List.of(s.split(",")));
        }
        return cids;
    }

    private static Map<String, Object> request(Campaign campaign, List<Map<String, Object>> destinations) {
        Map<String, Object> push = new LinkedHashMap<>();
        push.put("subject", campaign.subject());
        push.put("content", campaign.text());
        push.put("projectName", shorten(campaign.projectName(), 36));
        push.put("destinations", destinations);
        return push;
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
