package io.github.mitakemms.camel.binding;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;

import io.github.mitakemms.camel.MitakeMmsConfiguration;
import io.github.mitakemms.camel.MitakeMmsConstants;
import io.github.mitakemms.camel.model.Attachment;
import io.github.mitakemms.camel.model.Destination;
import io.github.mitakemms.camel.model.MmsMessage;
import io.github.mitakemms.camel.validation.MmsValidator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.attachment.DefaultAttachmentMessage;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.converter.stream.InputStreamCache;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.github.mitakemms.camel.TestFiles.GIF;
import static io.github.mitakemms.camel.TestFiles.JPG;
import static io.github.mitakemms.camel.TestFiles.PNG;
import static io.github.mitakemms.camel.TestFiles.b64;
import static io.github.mitakemms.camel.TestFiles.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class MessageBindingTest {

    static final byte[] MP3 = bytes('I', 'D', '3', 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0A);

    /** 2024-01-01 12:00:00 in Taipei (UTC+8), 04:00 UTC. */
    static final String NOON_TAIPEI = "20240101120000";
    static final Instant NOON_TAIPEI_INSTANT = Instant.parse("2024-01-01T04:00:00Z");

    static CamelContext context;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startCamel() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterAll
    static void stopCamel() {
        context.stop();
    }

    static MitakeMmsConfiguration config() {
        return new MitakeMmsConfiguration();
    }

    static Exchange exchange(Object body) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        return exchange;
    }

    static MmsMessage bind(Exchange exchange) throws Exception {
        return MessageBinding.toMessage(exchange, config());
    }

    static List<String> phones(MmsMessage m) {
        return m.getDestinations().stream().map(Destination::getTo).toList();
    }

    static void assertAttachment(Attachment a, String name, String type, byte[] content) {
        assertThat(a.getAttachName()).isEqualTo(name);
        assertThat(a.getAttachType()).isEqualTo(type);
        assertThat(Base64.getDecoder().decode(a.getAttachContent())).isEqualTo(content);
    }

    // ---------------------------------------------------------------- 1. MmsMessage

    @Test
    void mmsMessageBodyIsCopiedAndNotMutated() throws Exception {
        MmsMessage body = new MmsMessage();
        body.setSubject("Subject");
        body.setContent("Text");
        body.setOrderTime("20300101120000");
        body.setExpireTime("20300102120000");
        body.setProjectName("proj");
        body.to("0911111111").to("0922222222", "c2");
        body.attach(new Attachment(b64(JPG), "jpg", "a.jpg"));
        Exchange exchange = exchange(body);
        exchange.getMessage(AttachmentMessage.class).addAttachment("b.png",
                new DataHandler(new TypedDataSource("b.png", "image/png", PNG)));

        MmsMessage msg = bind(exchange);

        assertThat(msg).isNotSameAs(body);
        assertThat(msg.getSubject()).isEqualTo("Subject");
        assertThat(msg.getContent()).isEqualTo("Text");
        assertThat(msg.getOrderTime()).isEqualTo("20300101120000");
        assertThat(msg.getExpireTime()).isEqualTo("20300102120000");
        assertThat(msg.getProjectName()).isEqualTo("proj");
        assertThat(phones(msg)).containsExactly("0911111111", "0922222222");
        assertThat(msg.getDestinations().get(1).getCId()).isEqualTo("c2");
        assertThat(msg.getAttachments()).hasSize(2);

        // what the producer does next (cIDs, normalising) must not reach the body
        msg.getDestinations().forEach(d -> d.setCId("generated"));
        msg.getAttachments().forEach(a -> a.setAttachType("changed"));
        msg.setSubject("changed");

        assertThat(exchange.getMessage().getBody()).isSameAs(body);
        assertThat(body.getSubject()).isEqualTo("Subject");
        assertThat(body.getDestinations()).hasSize(2);
        assertThat(body.getDestinations().get(0).getCId()).isNull();
        assertThat(body.getDestinations().get(1).getCId()).isEqualTo("c2");
        assertThat(body.getAttachments()).hasSize(1);
        assertThat(body.getAttachments().get(0).getAttachType()).isEqualTo("jpg");
    }

    @Test
    void mmsMessageBodyWinsOverHeadersAndOptions() throws Exception {
        MmsMessage body = new MmsMessage();
        body.setSubject("From body");
        body.setProjectName("body-project");
        body.setOrderTime("20300101120000");
        body.to("0911111111");
        body.attach(new Attachment(b64(JPG), "jpg", "a.jpg"));
        Exchange exchange = exchange(body);
        exchange.getMessage().setHeader(MitakeMmsConstants.SUBJECT, "From header");
        exchange.getMessage().setHeader(MitakeMmsConstants.PROJECT_NAME, "header-project");
        exchange.getMessage().setHeader(MitakeMmsConstants.ORDER_TIME, "20310101120000");
        exchange.getMessage().setHeader(MitakeMmsConstants.TO, "0999999999");
        MitakeMmsConfiguration config = config();
        config.setSubject("From option");
        config.setProjectName("option-project");

        MmsMessage msg = MessageBinding.toMessage(exchange, config);

        assertThat(msg.getSubject()).isEqualTo("From body");
        assertThat(msg.getProjectName()).isEqualTo("body-project");
        assertThat(msg.getOrderTime()).isEqualTo("20300101120000");
        assertThat(phones(msg)).containsExactly("0911111111");
    }

    @Test
    void mmsMessageBodyIsCompletedByHeaders() throws Exception {
        MmsMessage body = new MmsMessage();
        body.attach(new Attachment(b64(JPG), "jpg", "a.jpg"));
        Exchange exchange = exchange(body);
        exchange.getMessage().setHeader(MitakeMmsConstants.SUBJECT, "From header");
        exchange.getMessage().setHeader(MitakeMmsConstants.CONTENT, "Header text");
        exchange.getMessage().setHeader(MitakeMmsConstants.TO, "0911111111");
        exchange.getMessage().setHeader(MitakeMmsConstants.CID, "c1");

        MmsMessage msg = bind(exchange);

        assertThat(msg.getSubject()).isEqualTo("From header");
        assertThat(msg.getContent()).isEqualTo("Header text");
        assertThat(msg.getDestinations()).singleElement()
                .satisfies(d -> assertThat(d.getTo()).isEqualTo("0911111111"))
                .satisfies(d -> assertThat(d.getCId()).isEqualTo("c1"));
        assertThat(body.getDestinations()).isEmpty();
        assertThat(body.getSubject()).isNull();
    }

    @Test
    void nullDestinationInTheBodyIsRefusedWithItsIndex() {
        MmsMessage body = new MmsMessage();
        body.getDestinations().add(new Destination("0911111111"));
        body.getDestinations().add(null);
        Throwable t = catchThrowable(() -> bind(exchange(body)));
        assertThat(t).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("destinations[1]")
                .hasMessageNotContaining("0911111111");

        Map<String, Object> map = mapBody();
        map.put("destinations", java.util.Arrays.asList("0911111111", null));
        t = catchThrowable(() -> bind(exchange(map)));
        assertThat(t).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("destinations[1]");
    }

    // ---------------------------------------------------------------- 2. Map

    static Map<String, Object> mapBody() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("subject", "Map subject");
        map.put("content", "Map text");
        map.put("attachments", List.of(Map.of("attachContent", b64(PNG), "attachType", "png", "attachName", "p.png")));
        return map;
    }

    @Test
    void mapBodyWithDestinationsAsListOfMaps() throws Exception {
        Map<String, Object> map = mapBody();
        map.put("projectName", "map-project");
        map.put("destinations", List.of(Map.of("to", "0911111111", "cID", "c1"), Map.of("to", " 0922222222 ")));

        MmsMessage msg = bind(exchange(map));

        assertThat(msg.getSubject()).isEqualTo("Map subject");
        assertThat(msg.getContent()).isEqualTo("Map text");
        assertThat(msg.getProjectName()).isEqualTo("map-project");
        assertThat(phones(msg)).containsExactly("0911111111", "0922222222");
        assertThat(msg.getDestinations().get(0).getCId()).isEqualTo("c1");
        assertThat(msg.getDestinations().get(1).getCId()).isNull();
        assertThat(msg.getAttachments()).singleElement().satisfies(a -> assertAttachment(a, "p.png", "png", PNG));
        MmsValidator.validate(msg, MitakeMmsConfiguration.DEFAULT_MAX_PAYLOAD_SIZE);
    }

    @Test
    void mapBodyWithDestinationsAsListOfStrings() throws Exception {
        Map<String, Object> map = mapBody();
        map.put("destinations", List.of("0911111111", " 0922222222 "));

        MmsMessage msg = bind(exchange(map));

        assertThat(phones(msg)).containsExactly("0911111111", "0922222222");
        assertThat(msg.getDestinations()).allSatisfy(d -> assertThat(d.getCId()).isNull());
    }

    @Test
    void mapBodyWithToAsCommaSeparatedString() throws Exception {
        Map<String, Object> map = mapBody();
        map.put("to", "0911111111, 0922222222,,0933333333 ");

        MmsMessage msg = bind(exchange(map));

        assertThat(phones(msg)).containsExactly("0911111111", "0922222222", "0933333333");
    }

    @Test
    void mapBodyWithOneToAndItsCId() throws Exception {
        Map<String, Object> map = mapBody();
        map.put("to", "0911111111");
        map.put("cID", "row-17");

        MmsMessage msg = bind(exchange(map));

        assertThat(msg.getDestinations()).singleElement()
                .satisfies(d -> assertThat(d.getTo()).isEqualTo("0911111111"))
                .satisfies(d -> assertThat(d.getCId()).isEqualTo("row-17"));
    }

    @Test
    void mapBodyWithAttachmentsAsMaps() throws Exception {
        Map<String, Object> map = mapBody();
        map.put("to", "0911111111");
        map.put("attachments", List.of(
                Map.of("attachContent", b64(JPG), "attachType", "jpg", "attachName", "a.jpg"),
                Map.of("attachContent", b64(GIF), "attachType", "gif", "attachName", "b.gif")));

        MmsMessage msg = bind(exchange(map));

        assertThat(msg.getAttachments()).hasSize(2);
        assertAttachment(msg.getAttachments().get(0), "a.jpg", "jpg", JPG);
        assertAttachment(msg.getAttachments().get(1), "b.gif", "gif", GIF);
    }

    @Test
    void mapAttachmentWithoutTypeTakesItFromItsName() throws Exception {
        Map<String, Object> map = mapBody();
        map.put("attachments", List.of(Map.of("attachContent", b64(JPG), "attachName", "Photo.JPEG")));

        MmsMessage msg = bind(exchange(map));

        assertAttachment(msg.getAttachments().get(0), "Photo.JPEG", "jpeg", JPG);
    }

    @Test
    void mapAttachmentWithRawBytesIsEncoded() throws Exception {
        Map<String, Object> map = mapBody();
        map.put("attachments", List.of(Map.of("attachContent", GIF, "attachType", "gif", "attachName", "b.gif")));

        MmsMessage msg = bind(exchange(map));

        assertAttachment(msg.getAttachments().get(0), "b.gif", "gif", GIF);
    }

    @Test
    void mapBodyIsNotMutated() throws Exception {
        Map<String, Object> map = mapBody();
        List<Object> destinations = new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("to", "0911111111"))));
        map.put("destinations", destinations);
        Map<String, Object> before = new LinkedHashMap<>(map);
        Exchange exchange = exchange(map);
        exchange.getMessage().setHeader(MitakeMmsConstants.SUBJECT, "Header subject");

        MmsMessage msg = bind(exchange);
        msg.getDestinations().get(0).setCId("generated");

        assertThat(map).isEqualTo(before);
        assertThat(destinations).hasSize(1);
        assertThat(((Map<?, ?>) destinations.get(0)).containsKey("cID")).isFalse();
    }

    static Stream<Arguments> times() {
        Date date = Date.from(NOON_TAIPEI_INSTANT);
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTime(date);
        return Stream.of(
                Arguments.of("String", NOON_TAIPEI),
                Arguments.of("String with spaces", " " + NOON_TAIPEI + " "),
                Arguments.of("LocalDateTime", LocalDateTime.of(2024, 1, 1, 12, 0)),
                Arguments.of("ZonedDateTime in UTC", ZonedDateTime.of(2024, 1, 1, 4, 0, 0, 0, ZoneOffset.UTC)),
                Arguments.of("ZonedDateTime in Tokyo", ZonedDateTime.of(2024, 1, 1, 13, 0, 0, 0, ZoneId.of("Asia/Tokyo"))),
                Arguments.of("ZonedDateTime with nanos", ZonedDateTime.of(2024, 1, 1, 4, 0, 0, 999_999_999, ZoneOffset.UTC)),
                Arguments.of("OffsetDateTime", OffsetDateTime.of(2024, 1, 1, 4, 0, 0, 0, ZoneOffset.UTC)),
                Arguments.of("Instant", NOON_TAIPEI_INSTANT),
                Arguments.of("Date", date),
                Arguments.of("Calendar", calendar),
                Arguments.of("java.sql.Timestamp", new java.sql.Timestamp(date.getTime())),
                Arguments.of("Long yyyyMMddHHmmss", 20240101120000L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("times")
    void mapBodyTimesAreFormattedInTheTimeZone(String kind, Object value) throws Exception {
        Map<String, Object> map = mapBody();
        map.put("orderTime", value);
        map.put("expireTime", value);

        MmsMessage msg = bind(exchange(map));

        assertThat(msg.getOrderTime()).isEqualTo(NOON_TAIPEI);
        assertThat(msg.getExpireTime()).isEqualTo(NOON_TAIPEI);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("times")
    void timeHeadersAreFormattedInTheTimeZone(String kind, Object value) throws Exception {
        Exchange exchange = exchange("text");
        exchange.getMessage().setHeader(MitakeMmsConstants.ORDER_TIME, value);
        exchange.getMessage().setHeader(MitakeMmsConstants.EXPIRE_TIME, value);

        MmsMessage msg = bind(exchange);

        assertThat(msg.getOrderTime()).isEqualTo(NOON_TAIPEI);
        assertThat(msg.getExpireTime()).isEqualTo(NOON_TAIPEI);
    }

    @Test
    void localDateAndSqlDateHeadersMeanMidnightInTheTimeZone() throws Exception {
        Exchange exchange = exchange("text");
        exchange.getMessage().setHeader(MitakeMmsConstants.ORDER_TIME, LocalDate.of(2024, 1, 1));
        // a java.sql.Date as a JDBC driver gives it: midnight of the JVM's default zone
        exchange.getMessage().setHeader(MitakeMmsConstants.EXPIRE_TIME, java.sql.Date.valueOf(LocalDate.of(2024, 1, 2)));

        MmsMessage msg = MessageBinding.toMessage(exchange, config());

        assertThat(msg.getOrderTime()).isEqualTo("20240101000000");
        assertThat(msg.getExpireTime()).isEqualTo("20240102000000");
    }

    @Test
    void timesFollowTheConfiguredTimeZone() throws Exception {
        MitakeMmsConfiguration utc = config();
        utc.setTimeZone("UTC");
        Map<String, Object> map = mapBody();
        map.put("orderTime", Date.from(NOON_TAIPEI_INSTANT));
        map.put("expireTime", ZonedDateTime.of(2024, 1, 1, 12, 0, 0, 0, ZoneId.of("Asia/Taipei")));

        MmsMessage msg = MessageBinding.toMessage(exchange(map), utc);

        assertThat(msg.getOrderTime()).isEqualTo("20240101040000");
        assertThat(msg.getExpireTime()).isEqualTo("20240101040000");
        assertThat(config().getTimeZone()).isEqualTo("Asia/Taipei");
    }

    @Test
    void timeOfAnUnsupportedTypeNamesTheFieldAndTheType() {
        Exchange exchange = exchange("text");
        exchange.getMessage().setHeader(MitakeMmsConstants.EXPIRE_TIME, Boolean.TRUE);

        Throwable t = catchThrowable(() -> bind(exchange));

        assertThat(t).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expireTime").hasMessageContaining("java.lang.Boolean")
                .hasMessageContaining("yyyyMMddHHmmss");
    }

    // ---------------------------------------------------------------- 3. String

    @Test
    void stringBodyWithCommaSeparatedToHeader() throws Exception {
        Exchange exchange = exchange("Hello there");
        exchange.getMessage().setHeader(MitakeMmsConstants.TO, "0911111111,0922222222 , +886933333333");
        exchange.getMessage().setHeader(MitakeMmsConstants.SUBJECT, "Header subject");

        MmsMessage msg = bind(exchange);

        assertThat(msg.getContent()).isEqualTo("Hello there");
        assertThat(msg.getSubject()).isEqualTo("Header subject");
        assertThat(phones(msg)).containsExactly("0911111111", "0922222222", "+886933333333");
        assertThat(msg.getAttachments()).isEmpty();
    }

    @Test
    void stringBodyWithToHeaderAsCollection() throws Exception {
        Exchange exchange = exchange("Hello");
        exchange.getMessage().setHeader(MitakeMmsConstants.TO, List.of("0911111111", "0922222222"));
        assertThat(phones(bind(exchange))).containsExactly("0911111111", "0922222222");

        exchange.getMessage().setHeader(MitakeMmsConstants.TO, new LinkedHashSet<>(List.of("0933333333", "0944444444")));
        assertThat(phones(bind(exchange))).containsExactly("0933333333", "0944444444");

        exchange.getMessage().setHeader(MitakeMmsConstants.TO, new String[] { "0955555555" });
        assertThat(phones(bind(exchange))).containsExactly("0955555555");
    }

    @Test
    void stringBodyWithCidHeaderForOneDestination() throws Exception {
        Exchange exchange = exchange("Hello");
        exchange.getMessage().setHeader(MitakeMmsConstants.TO, "0911111111");
        exchange.getMessage().setHeader(MitakeMmsConstants.CID, "order-42");

        MmsMessage msg = bind(exchange);

        assertThat(msg.getDestinations()).singleElement()
                .satisfies(d -> assertThat(d.getCId()).isEqualTo("order-42"));
    }

    @Test
    void cidHeaderWithSeveralDestinationsIsRefused() {
        Exchange exchange = exchange("Hello");
        exchange.getMessage().setHeader(MitakeMmsConstants.TO, "0911111111,0922222222");
        exchange.getMessage().setHeader(MitakeMmsConstants.CID, "order-42");

        Throwable t = catchThrowable(() -> bind(exchange));

        assertThat(t).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(MitakeMmsConstants.CID).hasMessageContaining("2 destinations")
                .hasMessageNotContaining("0911111111");
    }

    @Test
    void stringBuilderBodyIsTextContent() throws Exception {
        Exchange exchange = exchange(new StringBuilder("Built text"));
        exchange.getMessage().setHeader(MitakeMmsConstants.TO, "0911111111");

        assertThat(bind(exchange).getContent()).isEqualTo("Built text");
    }

    @Test
    void nullBodyTakesEverythingFromHeaders() throws Exception {
        Exchange exchange = exchange(null);
        exchange.getMessage().setHeader(MitakeMmsConstants.TO, "0911111111");
        exchange.getMessage().setHeader(MitakeMmsConstants.CONTENT, "Header text");

        MmsMessage msg = bind(exchange);

        assertThat(msg.getContent()).isEqualTo("Header text");
        assertThat(phones(msg)).containsExactly("0911111111");
    }

    // ---------------------------------------------------------------- 4. binary

    @Test
    void byteArrayBodyNamedByTheAttachmentNameHeader() throws Exception {
        Exchange exchange = exchange(PNG);
        exchange.getMessage().setHeader(MitakeMmsConstants.ATTACHMENT_NAME, "logo.png");
        exchange.getMessage().setHeader(Exchange.FILE_NAME, "other.gif");
        exchange.getMessage().setHeader(MitakeMmsConstants.CONTENT, "See the logo");

        MmsMessage msg = bind(exchange);

        assertThat(msg.getAttachments()).singleElement().satisfies(a -> assertAttachment(a, "logo.png", "png", PNG));
        assertThat(msg.getContent()).isEqualTo("See the logo");
    }

    @Test
    void byteArrayBodyNamedByCamelFileName() throws Exception {
        Exchange exchange = exchange(JPG);
        exchange.getMessage().setHeader(Exchange.FILE_NAME, "in/2024/Photo.JPG");

        MmsMessage msg = bind(exchange);

        assertThat(msg.getAttachments()).singleElement().satisfies(a -> assertAttachment(a, "Photo.JPG", "jpg", JPG));
    }

    @Test
    void byteArrayBodyWithoutAnyNameIsNamedAfterItsLeadingBytes() throws Exception {
        MmsMessage msg = bind(exchange(GIF));

        assertThat(msg.getAttachments()).singleElement().satisfies(a -> assertAttachment(a, "attachment.gif", "gif", GIF));
    }

    @Test
    void binaryBodyNamedWithoutExtensionTakesItsTypeFromItsLeadingBytes() throws Exception {
        Exchange exchange = exchange(PNG);
        exchange.getMessage().setHeader(MitakeMmsConstants.ATTACHMENT_NAME, "logo");

        MmsMessage msg = bind(exchange);

        assertThat(msg.getAttachments()).singleElement().satisfies(a -> assertAttachment(a, "logo", "png", PNG));
    }

    @Test
    void fileBody() throws Exception {
        Path file = Files.write(tmp.resolve("Banner.GIF"), GIF);

        MmsMessage msg = bind(exchange(file.toFile()));

        assertThat(msg.getAttachments()).singleElement().satisfies(a -> assertAttachment(a, "Banner.GIF", "gif", GIF));
    }

    @Test
    void fileBodyRenamedByTheAttachmentNameHeader() throws Exception {
        Path file = Files.write(tmp.resolve("tmp-123.bin"), JPG);
        Exchange exchange = exchange(file.toFile());
        exchange.getMessage().setHeader(MitakeMmsConstants.ATTACHMENT_NAME, "receipt.jpg");

        MmsMessage msg = bind(exchange);

        assertThat(msg.getAttachments()).singleElement().satisfies(a -> assertAttachment(a, "receipt.jpg", "jpg", JPG));
    }

    @Test
    void pathBody() throws Exception {
        Path file = Files.write(tmp.resolve("jingle.mp3"), MP3);

        MmsMessage msg = bind(exchange(file));

        assertThat(msg.getAttachments()).singleElement().satisfies(a -> assertAttachment(a, "jingle.mp3", "mp3", MP3));
    }

    @Test
    void missingFileGivesAnErrorNamingTheBody() throws Exception {
        Path missing = tmp.resolve("missing.png");

        Throwable t = catchThrowable(() -> bind(exchange(missing)));

        assertThat(t).isInstanceOf(InvalidPayloadException.class);
    }

    @Test
    void inputStreamBody() throws Exception {
        Exchange exchange = exchange(new ByteArrayInputStream(PNG));
        exchange.getMessage().setHeader(Exchange.FILE_NAME, "chart.png");

        MmsMessage msg = bind(exchange);

        assertThat(msg.getAttachments()).singleElement().satisfies(a -> assertAttachment(a, "chart.png", "png", PNG));
    }

    @Test
    void streamCacheBodyCanBeReadAgainAfterBinding() throws Exception {
        InputStreamCache cache = new InputStreamCache(PNG);
        Exchange exchange = exchange(cache);
        exchange.getMessage().setHeader(Exchange.FILE_NAME, "chart.png");

        MmsMessage first = bind(exchange);
        MmsMessage again = bind(exchange);

        assertAttachment(first.getAttachments().get(0), "chart.png", "png", PNG);
        assertAttachment(again.getAttachments().get(0), "chart.png", "png", PNG);
    }

    @Test
    void genericFileFromAFileRoute() throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Files.write(inbox.resolve("Poster.PNG"), PNG);

        Routed routed = route(inbox, "", null);

        assertThat(routed.bodyType).isNotNull();
        assertThat(GenericFile.class).isAssignableFrom(routed.bodyType);
        assertThat(routed.msg.getAttachments()).singleElement().satisfies(a -> assertAttachment(a, "Poster.PNG", "png", PNG));
        assertThat(routed.msg.getContent()).isEqualTo("from the route");
        assertThat(phones(routed.msg)).containsExactly("0911111111");
    }

    @Test
    void genericFileRenamedByTheAttachmentNameHeader() throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Files.write(inbox.resolve("upload-0001.tmp"), GIF);

        Routed routed = route(inbox, "", "welcome.gif");

        assertThat(routed.msg.getAttachments()).singleElement().satisfies(a -> assertAttachment(a, "welcome.gif", "gif", GIF));
    }

    @Test
    void genericFileInASubdirectoryIsNamedWithoutItsPath() throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Files.createDirectories(inbox.resolve("2024/01"));
        Files.write(inbox.resolve("2024/01/scan.jpeg"), JPG);

        Routed routed = route(inbox, "&recursive=true", null);

        assertThat(routed.fileName).isEqualTo("2024/01/scan.jpeg");
        assertThat(routed.msg.getAttachments()).singleElement().satisfies(a -> assertAttachment(a, "scan.jpeg", "jpeg", JPG));
        MmsValidator.validate(routed.msg, MitakeMmsConfiguration.DEFAULT_MAX_PAYLOAD_SIZE);
    }

    record Routed(MmsMessage msg, Class<?> bodyType, String fileName) {
    }

    /** Runs a real file route whose processor binds the exchange the file consumer made. */
    private Routed route(Path inbox, String options, String attachmentName) throws Exception {
        CompletableFuture<Routed> result = new CompletableFuture<>();
        String routeId = "files-" + System.nanoTime();
        Processor bindIt = e -> {
            try {
                Class<?> type = e.getMessage().getBody() == null ? null : e.getMessage().getBody().getClass();
                result.complete(new Routed(MessageBinding.toMessage(e, config()), type,
                        e.getMessage().getHeader(Exchange.FILE_NAME, String.class)));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        };
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + inbox + "?noop=true&initialDelay=0&delay=20" + options).routeId(routeId)
                        .setHeader(MitakeMmsConstants.TO, constant("0911111111"))
                        .setHeader(MitakeMmsConstants.CONTENT, constant("from the route"))
                        .setHeader(MitakeMmsConstants.SUBJECT, constant("Scan"))
                        .process(e -> {
                            if (attachmentName != null) {
                                e.getMessage().setHeader(MitakeMmsConstants.ATTACHMENT_NAME, attachmentName);
                            }
                        })
                        .process(bindIt);
            }
        });
        try {
            return result.get(20, TimeUnit.SECONDS);
        } finally {
            context.getRouteController().stopRoute(routeId);
            context.removeRoute(routeId);
        }
    }

    // ---------------------------------------------------------------- 5. Camel attachments

    @Test
    void camelAttachmentsAddedThroughTheAttachmentMessageViewBecomeMmsAttachments() throws Exception {
        Exchange exchange = exchange("Mail text");
        exchange.getMessage().setHeader(MitakeMmsConstants.TO, "0911111111");
        exchange.getMessage().setHeader(MitakeMmsConstants.SUBJECT, "Mail");
        AttachmentMessage am = exchange.getMessage(AttachmentMessage.class);
        am.addAttachment("photo.jpg", new DataHandler(new TypedDataSource("photo.jpg", "image/jpeg", JPG)));
        am.addAttachment("logo.png", new DataHandler(new TypedDataSource("logo.png", "image/png", PNG)));

        MmsMessage msg = bind(exchange);

        assertThat(msg.getContent()).isEqualTo("Mail text");
        assertThat(msg.getAttachments()).hasSize(2);
        assertAttachment(msg.getAttachments().get(0), "photo.jpg", "jpg", JPG);
        assertAttachment(msg.getAttachments().get(1), "logo.png", "png", PNG);
        MmsValidator.validate(msg, MitakeMmsConfiguration.DEFAULT_MAX_PAYLOAD_SIZE);
    }

    @Test
    void camelAttachmentsOfADefaultAttachmentMessageBecomeMmsAttachments() throws Exception {
        Exchange exchange = exchange(null);
        DefaultAttachmentMessage am = new DefaultAttachmentMessage(exchange.getMessage());
        am.setBody("Mail text");
        am.addAttachment("cid/banner.gif", new DataHandler(new TypedDataSource("banner.gif", "image/gif", GIF)));
        exchange.setMessage(am);

        MmsMessage msg = bind(exchange);

        assertThat(msg.getContent()).isEqualTo("Mail text");
        assertThat(msg.getAttachments()).singleElement().satisfies(a -> assertAttachment(a, "banner.gif", "gif", GIF));
    }

    @Test
    void camelAttachmentWithoutExtensionTakesItsTypeFromTheContentType() throws Exception {
        Exchange exchange = exchange("Mail text");
        exchange.getMessage(AttachmentMessage.class).addAttachment("image001",
                new DataHandler(new TypedDataSource("image001", "image/png; name=image001", PNG)));

        MmsMessage msg = bind(exchange);

        assertThat(msg.getAttachments()).singleElement().satisfies(a -> assertAttachment(a, "image001", "png", PNG));
    }

    @Test
    void camelAttachmentsComeAfterTheBodysAttachment() throws Exception {
        Exchange exchange = exchange(JPG);
        exchange.getMessage().setHeader(MitakeMmsConstants.ATTACHMENT_NAME, "first.jpg");
        exchange.getMessage(AttachmentMessage.class).addAttachment("second.png",
                new DataHandler(new TypedDataSource("second.png", "image/png", PNG)));

        MmsMessage msg = bind(exchange);

        assertThat(msg.getAttachments()).extracting(Attachment::getAttachName).containsExactly("first.jpg", "second.png");
    }

    /** A data source with its own content type, as a mail consumer gives it. */
    record TypedDataSource(String name, String contentType, byte[] data) implements DataSource {
        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(data);
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            throw new IOException("read only");
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getName() {
            return name;
        }
    }

    // ---------------------------------------------------------------- endpoint options

    @Test
    void endpointOptionsAreDefaults() throws Exception {
        MitakeMmsConfiguration config = config();
        config.setSubject("Option subject");
        config.setProjectName("option-project");
        Exchange exchange = exchange("text");
        exchange.getMessage().setHeader(MitakeMmsConstants.TO, "0911111111");

        MmsMessage msg = MessageBinding.toMessage(exchange, config);

        assertThat(msg.getSubject()).isEqualTo("Option subject");
        assertThat(msg.getProjectName()).isEqualTo("option-project");
    }

    @Test
    void headersWinOverEndpointOptions() throws Exception {
        MitakeMmsConfiguration config = config();
        config.setSubject("Option subject");
        config.setProjectName("option-project");
        Exchange exchange = exchange("text");
        exchange.getMessage().setHeader(MitakeMmsConstants.SUBJECT, "Header subject");
        exchange.getMessage().setHeader(MitakeMmsConstants.PROJECT_NAME, "header-project");

        MmsMessage msg = MessageBinding.toMessage(exchange, config);

        assertThat(msg.getSubject()).isEqualTo("Header subject");
        assertThat(msg.getProjectName()).isEqualTo("header-project");
    }

    @Test
    void mapBodyWinsOverHeadersAndEndpointOptions() throws Exception {
        MitakeMmsConfiguration config = config();
        config.setSubject("Option subject");
        config.setProjectName("option-project");
        Map<String, Object> map = mapBody();
        map.put("projectName", "map-project");
        Exchange exchange = exchange(map);
        exchange.getMessage().setHeader(MitakeMmsConstants.SUBJECT, "Header subject");

        MmsMessage msg = MessageBinding.toMessage(exchange, config);

        assertThat(msg.getSubject()).isEqualTo("Map subject");
        assertThat(msg.getProjectName()).isEqualTo("map-project");
    }

    // ---------------------------------------------------------------- unsupported

    @Test
    void unsupportedBodyTypeGivesAnErrorNamingTheType() {
        Throwable t = catchThrowable(() -> bind(exchange(42)));

        assertThat(t).isInstanceOf(InvalidPayloadException.class).hasMessageContaining("java.lang.Integer");
        assertThat(t.getCause()).hasMessageContaining("java.lang.Integer")
                .hasMessageContaining("MmsMessage").hasMessageContaining("Map").hasMessageContaining("byte[]");
    }

    @Test
    void unsupportedToHeaderTypeNamesTheHeaderAndType() {
        Exchange exchange = exchange("text");
        exchange.getMessage().setHeader(MitakeMmsConstants.TO, 911111111L);

        Throwable t = catchThrowable(() -> bind(exchange));

        assertThat(t).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(MitakeMmsConstants.TO).hasMessageContaining("java.lang.Long");
    }

    @Test
    void splitsAToStringAsCamelsIteratorDoes() {
        String[] values = { "0911111111", "0911111111,0922222222", " 0911111111 , 0922222222 ", "a,,b", ",a,", ",", "",
                " ", " , ", "a, ,b", "\u2003,a,\u2003b\u2003", "a;b", "[a, b]", "a\tb,\nc\n", "${header.x},y",
                "a,b,c,d,e,f,g,h,i,j,k" };
        for (String value : values) {
            List<String> camel = new ArrayList<>();
            try {
                for (Object o : org.apache.camel.support.ObjectHelper.createIterable(value, ",")) {
                    if (o != null && !o.toString().isBlank()) {
                        camel.add(o.toString().trim());
                    }
                }
            } catch (StringIndexOutOfBoundsException e) {
                // Camel's iterator fails on a lone comma: nothing but commas is no destination
                assertThat(value.replace(",", "")).as(value).isBlank();
            }
            assertThat(MessageBinding.destinations(value, MitakeMmsConstants.TO)).as(value)
                    .extracting(Destination::getTo).containsExactlyElementsOf(camel);
        }
    }
}
