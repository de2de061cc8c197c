package io.github.mitakemms.camel.validation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import io.github.mitakemms.camel.MitakeMmsConfiguration;
import io.github.mitakemms.camel.exception.MitakeMmsRequestException;
import io.github.mitakemms.camel.exception.MitakeMmsValidationException;
import io.github.mitakemms.camel.model.ApiCode;
import io.github.mitakemms.camel.model.Attachment;
import io.github.mitakemms.camel.model.Destination;
import io.github.mitakemms.camel.model.MmsMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.mitakemms.camel.TestFiles.GIF;
import static io.github.mitakemms.camel.TestFiles.JPG;
import static io.github.mitakemms.camel.TestFiles.PNG;
import static io.github.mitakemms.camel.TestFiles.b64;
import static io.github.mitakemms.camel.TestFiles.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

class MmsValidatorTest {

    static final int MAX = MitakeMmsConfiguration.DEFAULT_MAX_PAYLOAD_SIZE;

    // the smallest headers that carry each format's signature: JPG, PNG and GIF in TestFiles
    static final byte[] MP3_ID3 = bytes('I', 'D', '3', 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0A, 0x00, 0x00, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00);
    static final byte[] MP3_FRAME = bytes(0xFF, 0xFB, 0x90, 0x64, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x00, 0x00, 0x00);

    static final String PHONE = "0912345678";

    static Attachment jpg() {
        return new Attachment(b64(JPG), "jpg", "photo.jpg");
    }

    static MmsMessage valid() {
        MmsMessage m = new MmsMessage();
        m.setSubject("Hello");
        m.setContent("Some text");
        m.to(PHONE, "cid-1");
        m.attach(jpg());
        return m;
    }

    static void assertValid(MmsMessage m) {
        assertValid(m, MAX);
    }

    static void assertValid(MmsMessage m, int max) {
        assertThatCode(() -> MmsValidator.validate(m, max)).doesNotThrowAnyException();
    }

    static MitakeMmsValidationException assertFails(MmsMessage m, String field, String code, String... limit) {
        return assertFails(m, MAX, field, code, limit);
    }

    /**
     * Asserts the exact exception type, its field and code, and that its message names the field, every given limit
     * text and the API code.
     */
    static MitakeMmsValidationException assertFails(MmsMessage m, int max, String field, String code, String... limit) {
        Throwable t = catchThrowable(() -> MmsValidator.validate(m, max));
        assertThat(t).isExactlyInstanceOf(MitakeMmsValidationException.class);
        MitakeMmsValidationException e = (MitakeMmsValidationException) t;
        assertThat(e).isInstanceOf(MitakeMmsRequestException.class);
        assertThat(e.getField()).isEqualTo(field);
        assertThat(e.getCode()).isEqualTo(code);
        assertThat(e.getDescription()).isNotBlank();
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getMessage()).contains("'" + field + "'").contains("API code " + code);
        for (String l : limit) {
            assertThat(e.getMessage()).contains(l);
        }
        // never the phone numbers nor the text content
        assertThat(e.getMessage()).doesNotContain(PHONE);
        if (m.getContent() != null && !m.getContent().isEmpty()) {
            assertThat(e.getMessage()).doesNotContain(m.getContent());
        }
        return e;
    }

    static String repeat(String s, int n) {
        return s.repeat(n);
    }

    // ---------------------------------------------------------------- the happy path

    @Test
    void validMessagePasses() {
        assertValid(valid());
    }

    @Test
    void validationDoesNotChangeTheMessage() {
        MmsMessage m = valid();
        m.getAttachments().add(new Attachment(b64(PNG), "PNG", "b.png"));
        MmsValidator.validate(m, MAX);
        assertThat(m.getSubject()).isEqualTo("Hello");
        assertThat(m.getAttachments().get(1).getAttachType()).isEqualTo("PNG");
        assertThat(m.getDestinations()).hasSize(1);
        assertThat(m.getDestinations().get(0).getCId()).isEqualTo("cid-1");
    }

    // ---------------------------------------------------------------- subject 2001, 2002

    @Test
    void subjectRequired() {
        MmsMessage m = valid();
        m.setSubject(null);
        assertFails(m, "subject", "2001", "required");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   " })
    void subjectEmptyOrBlankIsMissing(String subject) {
        MmsMessage m = valid();
        m.setSubject(subject);
        assertFails(m, "subject", "2001", "required");
    }

    @Test
    void subjectOf40AsciiPasses() {
        MmsMessage m = valid();
        m.setSubject(repeat("a", 40));
        assertValid(m);
    }

    @Test
    void subjectOf41AsciiFails() {
        MmsMessage m = valid();
        m.setSubject(repeat("a", 41));
        assertFails(m, "subject", "2002", "40", "was 41");
    }

    @Test
    void subjectOfPrintableAsciiWithSpacesAndPunctuationFollowsThe40Limit() {
        String forty = "Order #1234, ready: pick up (today) ok!?";
        assertThat(forty).hasSize(40);
        MmsMessage m = valid();
        m.setSubject(forty);
        assertValid(m);
        m.setSubject(forty + ".");
        assertFails(m, "subject", "2002", "40", "was 41");
        m.setSubject(repeat(" a", 20));
        assertValid(m);
        m.setSubject("~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./ 0123456");
        assertThat(m.getSubject()).hasSize(40);
        assertValid(m);
    }

    @Test
    void subjectOf15CjkPasses() {
        MmsMessage m = valid();
        m.setSubject(repeat("中", 15));
        assertValid(m);
    }

    @Test
    void subjectOf16CjkFails() {
        MmsMessage m = valid();
        m.setSubject(repeat("中", 16));
        assertFails(m, "subject", "2002", "15", "was 16");
    }

    @Test
    void subjectMixedWithOneCjkCharacterFollowsThe15Limit() {
        MmsMessage m = valid();
        m.setSubject(repeat("a", 14) + "中");
        assertValid(m);
        m.setSubject(repeat("a", 15) + "中");
        assertFails(m, "subject", "2002", "15", "was 16");
        m.setSubject("中" + repeat("a", 20));
        assertFails(m, "subject", "2002", "15", "was 21");
    }

    @Test
    void subjectCountsSupplementaryCharactersAsOneEach() {
        String emoji = "\uD83D\uDE00"; // U+1F600, two UTF-16 units
        MmsMessage m = valid();
        m.setSubject(repeat(emoji, 15));
        assertThat(m.getSubject()).hasSize(30);
        assertValid(m);
        m.setSubject(repeat(emoji, 16));
        assertFails(m, "subject", "2002", "15", "was 16");
        m.setSubject(repeat("a", 14) + emoji);
        assertValid(m);
    }

    @Test
    void subjectWithAnAccentedLatinLetterFollowsThe15Limit() {
        MmsMessage m = valid();
        m.setSubject("Caf\u00e9 " + repeat("x", 11));
        assertFails(m, "subject", "2002", "15", "was 16");
    }

    // ---------------------------------------------------------------- payload 2003

    static int payloadOf(MmsMessage m) {
        int size = m.getSubject().getBytes(StandardCharsets.UTF_8).length;
        if (m.getContent() != null) {
            size += m.getContent().getBytes(StandardCharsets.UTF_8).length;
        }
        for (Attachment a : m.getAttachments()) {
            size += a.getAttachContent().length();
        }
        return size;
    }

    @Test
    void payloadExactlyTheDefaultMaximumPasses() {
        MmsMessage m = valid();
        m.setContent("");
        int rest = MAX - payloadOf(m);
        m.setContent(repeat("x", rest));
        assertThat(payloadOf(m)).isEqualTo(307_200);
        assertValid(m);
    }

    @Test
    void payloadOneByteOverTheDefaultMaximumFails() {
        MmsMessage m = valid();
        m.setContent("");
        int rest = MAX - payloadOf(m) + 1;
        m.setContent(repeat("x", rest));
        assertFails(m, "attachments", "2003", "307200", "was 307201");
    }

    @Test
    void payloadCountsBase64OfEveryAttachment() {
        MmsMessage m = valid();
        m.attach(new Attachment(b64(PNG), "png", "a.png"));
        m.attach(new Attachment(b64(GIF), "gif", "b.gif"));
        int size = payloadOf(m);
        assertThat(size).isEqualTo(5 + 9 + b64(JPG).length() + b64(PNG).length() + b64(GIF).length());
        assertValid(m, size);
        assertFails(m, size - 1, "attachments", "2003", String.valueOf(size - 1), "was " + size);
    }

    @Test
    void payloadLimitIsConfigurable() {
        MmsMessage m = valid();
        int size = payloadOf(m);
        assertValid(m, size);
        assertFails(m, size - 1, "attachments", "2003", "at most " + (size - 1) + " bytes", "was " + size);
        assertValid(m, 1_000_000);
    }

    @Test
    void payloadCountsMultiByteContentInUtf8Bytes() {
        MmsMessage m = valid();
        m.setSubject("\u4e3b\u65e8"); // 2 CJK characters: 6 bytes
        m.setContent(repeat("\u5167", 100)); // 100 CJK characters: 300 bytes
        int bytes = 6 + 300 + b64(JPG).length();
        assertThat(payloadOf(m)).isEqualTo(bytes);
        assertValid(m, bytes);
        // in characters it would be 102 + base64: far below, but in bytes it is over
        assertFails(m, bytes - 1, "attachments", "2003", String.valueOf(bytes - 1), "was " + bytes);
    }

    @Test
    void oversizedPayloadFails2003BeforeTheContentIsDecoded() {
        MmsMessage m = valid();
        m.getAttachments().get(0).setAttachContent("!".repeat(MAX + 1));
        assertFails(m, "attachments", "2003", String.valueOf(MAX));
    }

    // ---------------------------------------------------------------- orderTime / expireTime 2004-2007, 2015, 2016

    @ParameterizedTest
    @ValueSource(strings = { "2030010112000", "203001011200000", "2030010112000a", "2030-01-01 12:", "abcdefghijklmn",
            "2030/01/01120000", " 20300101120000" })
    void orderTimeInAnotherFormatFails2004(String value) {
        MmsMessage m = valid();
        m.setOrderTime(value);
        assertFails(m, "orderTime", "2004", "yyyyMMddHHmmss");
    }

    @ParameterizedTest
    @ValueSource(strings = { "2030010112000", "203001011200000", "2030010112000a", "2030-01-01 12:", "abcdefghijklmn" })
    void expireTimeInAnotherFormatFails2006(String value) {
        MmsMessage m = valid();
        m.setExpireTime(value);
        assertFails(m, "expireTime", "2006", "yyyyMMddHHmmss");
    }

    @ParameterizedTest
    @ValueSource(strings = { "20230230120000", "20230229120000", "20231301120000", "20230100120000", "20230101240000",
            "20230101126000", "20230101120060" })
    void orderTimeThatIsNoRealDateFails2015(String value) {
        MmsMessage m = valid();
        m.setOrderTime(value);
        assertFails(m, "orderTime", "2015", "real date", value);
    }

    @ParameterizedTest
    @ValueSource(strings = { "20230230120000", "20231301120000", "20230101240000" })
    void expireTimeThatIsNoRealDateFails2016(String value) {
        MmsMessage m = valid();
        m.setExpireTime(value);
        assertFails(m, "expireTime", "2016", "real date", value);
    }

    @Test
    void realDatesPass() {
        MmsMessage m = valid();
        m.setOrderTime("20240229235959"); // leap day
        m.setExpireTime("20240301000000");
        assertValid(m);
        m.setOrderTime("20301231000000");
        m.setExpireTime(null);
        assertValid(m);
        m.setOrderTime(null);
        m.setExpireTime("20300101120000");
        assertValid(m);
    }

    @Test
    void expireTimeEqualToOrderTimeFails2016() {
        MmsMessage m = valid();
        m.setOrderTime("20300101120000");
        m.setExpireTime("20300101120000");
        assertFails(m, "expireTime", "2016", "after orderTime");
    }

    @Test
    void expireTimeBeforeOrderTimeFails2016() {
        MmsMessage m = valid();
        m.setOrderTime("20300101120000");
        m.setExpireTime("20291231235959");
        assertFails(m, "expireTime", "2016", "after orderTime");
    }

    @Test
    void expireTimeOneSecondAfterOrderTimePasses() {
        MmsMessage m = valid();
        m.setOrderTime("20300101120000");
        m.setExpireTime("20300101120001");
        assertValid(m);
        m.setOrderTime("20301231235959");
        m.setExpireTime("20310101000000");
        assertValid(m);
    }

    // ---------------------------------------------------------------- attachments 2012, 2013, 2014, 2017, 2020, 2021

    @Test
    void noAttachmentFails2012() {
        MmsMessage m = valid();
        m.getAttachments().clear();
        assertFails(m, "attachments", "2012", "at least one");
        m.setAttachments(null);
        assertFails(m, "attachments", "2012", "at least one");
    }

    @Test
    void nullAttachmentFails2012() {
        MmsMessage m = valid();
        m.getAttachments().add(null);
        assertFails(m, "attachments[1]", "2012");
    }

    @Test
    void attachContentEmptyFails2021() {
        MmsMessage m = valid();
        m.getAttachments().get(0).setAttachContent("");
        assertFails(m, "attachments[0].attachContent", "2021", "required");
        m.getAttachments().get(0).setAttachContent(null);
        assertFails(m, "attachments[0].attachContent", "2021", "required");
    }

    @Test
    void attachTypeEmptyFails2013() {
        MmsMessage m = valid();
        m.getAttachments().get(0).setAttachType("");
        assertFails(m, "attachments[0].attachType", "2013", "required", "jpg, jpeg, png, gif");
        m.getAttachments().get(0).setAttachType(null);
        assertFails(m, "attachments[0].attachType", "2013", "required");
        m.getAttachments().get(0).setAttachType(" ");
        assertFails(m, "attachments[0].attachType", "2013", "required");
    }

    @Test
    void attachNameEmptyFails2014() {
        MmsMessage m = valid();
        m.getAttachments().get(0).setAttachName("");
        assertFails(m, "attachments[0].attachName", "2014", "required");
        m.getAttachments().get(0).setAttachName(null);
        assertFails(m, "attachments[0].attachName", "2014", "required");
    }

    @Test
    void attachNameOf50Passes() {
        MmsMessage m = valid();
        String name = repeat("n", 46) + ".jpg";
        assertThat(name).hasSize(50);
        m.getAttachments().get(0).setAttachName(name);
        assertValid(m);
        m.getAttachments().get(0).setAttachName(repeat("\u5716", 46) + ".jpg");
        assertValid(m);
    }

    @Test
    void attachNameOf51Fails2017() {
        MmsMessage m = valid();
        m.getAttachments().get(0).setAttachName(repeat("n", 47) + ".jpg");
        assertFails(m, "attachments[0].attachName", "2017", "50", "was 51");
    }

    @Test
    void errorsOnALaterAttachmentNameItsIndex() {
        MmsMessage m = valid();
        m.attach(new Attachment(b64(PNG), "png", repeat("n", 47) + ".png"));
        assertFails(m, "attachments[1].attachName", "2017", "50", "was 51");
    }

    @ParameterizedTest
    @ValueSource(strings = { "bmp", "pdf", "txt", "mp4", "jpgx", ".jpg", "image/jpeg" })
    void attachTypeOutsideTheListFails2020(String type) {
        MmsMessage m = valid();
        m.getAttachments().get(0).setAttachType(type);
        assertFails(m, "attachments[0].attachType", "2020", "jpg, jpeg, png, gif, mp3", type);
    }

    @ParameterizedTest
    @ValueSource(strings = { "JPG", "Jpg", "JPEG", "jpeg" })
    void attachTypeInUpperCasePasses(String type) {
        MmsMessage m = valid();
        m.getAttachments().get(0).setAttachType(type);
        assertValid(m);
    }

    @Test
    void everySupportedTypeWithItsBytesPasses() {
        MmsMessage m = valid();
        m.attach(new Attachment(b64(PNG), "png", "a.png"));
        m.attach(new Attachment(b64(GIF), "gif", "b.gif"));
        m.attach(new Attachment(b64(MP3_ID3), "mp3", "c.mp3"));
        m.attach(new Attachment(b64(MP3_FRAME), "mp3", "d.mp3"));
        m.attach(new Attachment(b64(JPG), "jpeg", "e.jpeg"));
        m.attach(new Attachment(b64(bytes('G', 'I', 'F', '8', '7', 'a', 0, 0)), "gif", "f.gif"));
        assertValid(m);
    }

    @Test
    void pngBytesDeclaredJpgFails2020() {
        MmsMessage m = valid();
        m.getAttachments().get(0).setAttachContent(b64(PNG));
        MitakeMmsValidationException e = assertFails(m, "attachments[0].attachContent", "2020", "jpg", "png");
        assertThat(e.getMessage()).contains("leading bytes");
    }

    @Test
    void jpgBytesDeclaredPngFails2020() {
        MmsMessage m = valid();
        m.getAttachments().set(0, new Attachment(b64(JPG), "png", "a.png"));
        assertFails(m, "attachments[0].attachContent", "2020", "png", "jpg");
    }

    @Test
    void gifBytesDeclaredMp3Fails2020() {
        MmsMessage m = valid();
        m.getAttachments().set(0, new Attachment(b64(GIF), "mp3", "a.mp3"));
        assertFails(m, "attachments[0].attachContent", "2020", "mp3", "gif");
    }

    @Test
    void bytesOfNoSupportedFormatFail2020() {
        MmsMessage m = valid();
        m.getAttachments().get(0).setAttachContent(b64("%PDF-1.7 not an image".getBytes(StandardCharsets.US_ASCII)));
        assertFails(m, "attachments[0].attachContent", "2020", "none of jpg, png, gif, mp3");
        m.getAttachments().get(0).setAttachContent(b64(bytes(0xFF, 0xD8)));
        assertFails(m, "attachments[0].attachContent", "2020");
    }

    @Test
    void jpegDeclaredWithJpgBytesPasses() {
        MmsMessage m = valid();
        m.getAttachments().set(0, new Attachment(b64(JPG), "jpeg", "photo.jpeg"));
        assertValid(m);
    }

    @Test
    void mp3WithId3TagPasses() {
        MmsMessage m = valid();
        m.getAttachments().set(0, new Attachment(b64(MP3_ID3), "mp3", "song.mp3"));
        assertValid(m);
    }

    @Test
    void mp3WithFrameSyncPasses() {
        MmsMessage m = valid();
        m.getAttachments().set(0, new Attachment(b64(MP3_FRAME), "mp3", "song.mp3"));
        assertValid(m);
        m.getAttachments().set(0, new Attachment(b64(bytes(0xFF, 0xF3, 0x44, 0xC4, 0, 0, 0, 0)), "mp3", "song.mp3"));
        assertValid(m);
    }

    @ParameterizedTest
    @ValueSource(strings = { "!!!!not base64!!!!", "/9j/4AAQ SkZJRgABAQAAAQABAAD/2Q==", "/9j/4AAQSkZJRgAB*QAAAQABAAD/2Q==" })
    void invalidBase64Fails2020(String content) {
        MmsMessage m = valid();
        m.getAttachments().get(0).setAttachContent(content);
        assertFails(m, "attachments[0].attachContent", "2020", "base64");
    }

    @Test
    void invalidBase64AfterValidLeadingBytesFails2020() {
        // the signature decodes fine; a character further on is no base64
        String good = b64(JPG);
        assertThat(good.length()).isGreaterThan(20);
        MmsMessage m = valid();
        m.getAttachments().get(0).setAttachContent(good.substring(0, 20) + "*" + good.substring(21));
        assertFails(m, "attachments[0].attachContent", "2020", "base64");
        m.getAttachments().get(0).setAttachContent(good + "A");
        assertFails(m, "attachments[0].attachContent", "2020", "base64", "multiple of 4");
        m.getAttachments().get(0).setAttachContent(good.replace("=", ""));
        assertFails(m, "attachments[0].attachContent", "2020", "base64", "multiple of 4");
        m.getAttachments().get(0).setAttachContent(good.substring(0, 8) + "=" + good.substring(9));
        assertFails(m, "attachments[0].attachContent", "2020", "base64", "position 8");
    }

    @Test
    void base64WithUrlSafeAlphabetFails2020() {
        // 0xFB 0xFF encode to "-_" in the URL-safe alphabet, which the gateway's plain base64 decoder refuses
        byte[] jpgWithFF = Arrays.copyOf(JPG, JPG.length + 3);
        jpgWithFF[JPG.length] = (byte) 0xFB;
        jpgWithFF[JPG.length + 1] = (byte) 0xFF;
        jpgWithFF[JPG.length + 2] = (byte) 0xBF;
        String urlSafe = Base64.getUrlEncoder().encodeToString(jpgWithFF);
        assertThat(urlSafe).containsAnyOf("-", "_");
        MmsMessage m = valid();
        m.getAttachments().get(0).setAttachContent(urlSafe);
        assertFails(m, "attachments[0].attachContent", "2020", "base64");
    }

    @Test
    void base64ErrorDoesNotQuoteTheContent() {
        MmsMessage m = valid();
        m.getAttachments().get(0).setAttachContent("/9j/4AAQSkZJRgAB#secret#");
        MitakeMmsValidationException e = assertFails(m, "attachments[0].attachContent", "2020", "base64");
        assertThat(e.getMessage()).doesNotContain("secret");
    }

    // ---------------------------------------------------------------- projectName 2019

    @Test
    void projectNameOf36Passes() {
        MmsMessage m = valid();
        m.setProjectName(repeat("p", 36));
        assertValid(m);
        m.setProjectName(repeat("\u5c08", 36));
        assertValid(m);
    }

    @Test
    void projectNameOf37Fails2019() {
        MmsMessage m = valid();
        m.setProjectName(repeat("p", 37));
        assertFails(m, "projectName", "2019", "36", "was 37");
        m.setProjectName(repeat("\u5c08", 37));
        assertFails(m, "projectName", "2019", "36", "was 37");
    }

    // ---------------------------------------------------------------- destinations 2009, 2010, 2011

    @Test
    void noDestinationFails2009() {
        MmsMessage m = valid();
        m.getDestinations().clear();
        assertFails(m, "destinations", "2009", "at least one");
        m.setDestinations(null);
        assertFails(m, "destinations", "2009", "at least one");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "\t" })
    void blankPhoneFails2009(String to) {
        MmsMessage m = valid();
        m.getDestinations().set(0, new Destination(to));
        assertFails(m, "destinations[0].to", "2009", "required");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "\t" })
    void aBlankPhoneAmongOthersIsRefusedOnItsOwn(String to) {
        MmsMessage m = valid();
        m.getDestinations().add(new Destination(to));
        assertThat(MmsValidator.validate(m, MAX)).containsExactly(entry(1, ApiCode.NUMBER_MISSING));
    }

    @Test
    void nullPhoneOrNullDestinationFails2009() {
        MmsMessage m = valid();
        m.getDestinations().set(0, new Destination(null));
        assertFails(m, "destinations[0].to", "2009", "required");
        m.getDestinations().set(0, null);
        assertFails(m, "destinations[0].to", "2009", "required");
    }

    @Test
    void phoneOf20CharactersPasses() {
        MmsMessage m = valid();
        m.getDestinations().set(0, new Destination(repeat("9", 20)));
        assertValid(m);
        m.getDestinations().set(0, new Destination("+" + repeat("9", 19)));
        assertValid(m);
    }

    @Test
    void phoneOf21CharactersFails2010() {
        MmsMessage m = valid();
        m.getDestinations().set(0, new Destination(repeat("9", 21)));
        MitakeMmsValidationException e = assertFails(m, "destinations[0].to", "2010", "20", "was 21");
        assertThat(e.getMessage()).doesNotContain(repeat("9", 21));
        m.getDestinations().set(0, new Destination("+" + repeat("9", 20)));
        assertFails(m, "destinations[0].to", "2010", "20", "was 21");
    }

    @ParameterizedTest
    @ValueSource(strings = { "09123abc", "0912-345-678", "0912 345 678", "0912+345678", "++886912345678", "886912345678+",
            "+", "(02)12345678", "\uff10\uff19\uff11\uff12" })
    void phoneWithLettersOrAnInnerPlusFails2011(String to) {
        MmsMessage m = valid();
        m.getDestinations().set(0, new Destination(to));
        MitakeMmsValidationException e = assertFails(m, "destinations[0].to", "2011", "digits", "leading +");
        if (to.length() > 1) {
            assertThat(e.getMessage()).doesNotContain(to);
        }
    }

    @Test
    void phoneWithLeadingPlusPasses() {
        MmsMessage m = valid();
        m.getDestinations().set(0, new Destination("+886912345678"));
        assertValid(m);
    }

    @Test
    void badNumbersAmongGoodOnesAreRefusedOnTheirOwnAndTheRestPass() {
        MmsMessage m = valid();
        m.to("0922222222").to("0933x33333").to("0" + "9".repeat(MmsValidator.PHONE_MAX)).to("0944444444");
        assertThat(MmsValidator.validate(m, MAX)).containsExactly(entry(2, ApiCode.NUMBER_INVALID),
                entry(3, ApiCode.NUMBER_TOO_LONG));
    }

    @Test
    void whenNoDestinationIsValidThePushFailsNamingTheFirstButNotTheNumber() {
        MmsMessage m = valid();
        m.getDestinations().set(0, new Destination("0933x33333"));
        m.to("+");
        m.getDestinations().add(new Destination("x"));
        MitakeMmsValidationException e = assertFails(m, "destinations[0].to", "2011", "no destination of the push is valid");
        assertThat(e.getMessage()).doesNotContain("0933");
    }

    // ---------------------------------------------------------------- cID 2008, 2018

    @Test
    void cIdOf36Passes() {
        MmsMessage m = valid();
        m.getDestinations().get(0).setCId(repeat("c", 36));
        assertValid(m);
        m.getDestinations().get(0).setCId("123e4567-e89b-12d3-a456-426614174000");
        assertValid(m);
    }

    @Test
    void cIdOf37Fails2008() {
        MmsMessage m = valid();
        m.getDestinations().get(0).setCId(repeat("c", 37));
        assertFails(m, "destinations[0].cID", "2008", "36", "was 37");
    }

    @Test
    void duplicateCIdFails2018() {
        MmsMessage m = valid();
        m.to("0922222222", "other").to("0933333333", "cid-1");
        MitakeMmsValidationException e = assertFails(m, "destinations[2].cID", "2018", "unique");
        assertThat(e.getMessage()).contains("destinations[0]");
    }

    @Test
    void duplicateCIdIsFoundInPushesOfEverySizeAndNamesTheFirstOccurrence() {
        for (int size : new int[] { 2, 8, 9, 40, 500 }) {
            MmsMessage m = valid();
            m.getDestinations().clear();
            for (int i = 0; i < size; i++) {
                m.to(String.format("09%08d", i), "cid-" + i);
            }
            m.getDestinations().get(size - 1).setCId("cid-" + (size / 2 - 1));
            if (size > 2) {
                m.getDestinations().get(size - 2).setCId("cid-" + (size / 2 - 1));
            }
            MitakeMmsValidationException e = assertFails(m,
                    "destinations[" + (size > 2 ? size - 2 : size - 1) + "].cID", "2018", "unique");
            assertThat(e.getMessage()).as("size " + size).contains("destinations[" + (size / 2 - 1) + "]");
        }
    }

    @Test
    void emptyCIdsCountAsNoneAndAreNotDuplicates() {
        MmsMessage m = valid();
        m.to("0922222222", "").to("0933333333", "");
        assertValid(m);
    }

    @Test
    void destinationsWithoutCIdAreNotDuplicates() {
        MmsMessage m = valid();
        m.getDestinations().get(0).setCId(null);
        m.to("0922222222").to("0933333333");
        assertValid(m);
    }

    @Test
    void samePhoneWithDistinctCIdsPasses() {
        MmsMessage m = valid();
        m.to(PHONE, "cid-2");
        assertValid(m);
    }

    @Test
    void manyDestinationsPass() {
        MmsMessage m = valid();
        List<Destination> many = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            many.add(new Destination(String.format("09%08d", i), "c" + i));
        }
        m.setDestinations(many);
        assertValid(m);
    }
}
