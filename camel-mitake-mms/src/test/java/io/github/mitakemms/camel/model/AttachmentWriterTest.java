package io.github.mitakemms.camel.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.mitakemms.camel.json.MitakeMmsJson;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

class AttachmentWriterTest {

    /** Jackson as it writes without the component's writer. */
    private static final ObjectMapper PLAIN = JsonMapper.builder().serializationInclusion(JsonInclude.Include.NON_NULL)
            .addMixIn(Attachment.class, DefaultWriting.class).build();

    @JsonSerialize(using = JsonSerializer.None.class)
    abstract static class DefaultWriting {
        @JsonIgnore
        abstract int getContentLength();
    }

    private static byte[] write(Object value) throws Exception {
        MitakeMmsJson.Buffer buffer = MitakeMmsJson.writeToBuffer(value);
        return Arrays.copyOf(buffer.array(), buffer.size());
    }

    @Test
    void writesEveryAttachmentContentExactlyAsJacksonDoes() throws Exception {
        for (String content : contents()) {
            MmsMessage msg = new MmsMessage().to("0911111111");
            msg.setSubject("s");
            msg.attach(new Attachment(content, "jpg", "a.jpg"));

            assertThat(write(msg)).as("content of length %d", content.length()).isEqualTo(PLAIN.writeValueAsBytes(msg));
        }
    }

    @Test
    void writesBase64KnownToBeSoundAsJacksonDoes() throws Exception {
        MmsMessage msg = new MmsMessage().to("0911111111");
        msg.setSubject("s");
        msg.attach(Attachment.of("a.jpg", random(3000)));
        Attachment checked = new Attachment(Base64.getEncoder().encodeToString(random(700)), "png", "b.png");
        assertThat(checked.checkBase64()).isEqualTo(-1);
        msg.attach(checked);
        msg.attach(new Attachment(null, "gif", null));
        assertThat(msg.getAttachments()).allMatch(a -> a.getAttachContent() == null || a.isBase64Known());

        assertThat(write(msg)).isEqualTo(PLAIN.writeValueAsBytes(msg));
    }

    @Test
    void checksContentAgainOnceItIsSetAfterItWasKnown() throws Exception {
        Attachment a = Attachment.of("a.jpg", random(3000));
        a.setAttachContent(a.getAttachContent().substring(0, 1000) + "\"\n" + a.getAttachContent().substring(1000));
        assertThat(a.isBase64Known()).isFalse();
        MmsMessage msg = new MmsMessage().to("0911111111").attach(a);
        msg.setSubject("s");
        assertThat(write(msg)).isEqualTo(PLAIN.writeValueAsBytes(msg));
    }

    @Test
    void takesTheFastPathOnlyForPrintableAsciiWithoutQuoteBackslashOrQuestionMark() {
        byte[] base64 = Base64.getEncoder().encode(random(3000));
        assertThat(Base64Text.isVerbatim(base64)).isTrue();
        assertThat(Base64Text.isVerbatim(" ~\u007F!#$%&'()*+,-./09:;<=>@AZ[]^_`az{|}".getBytes(US_ASCII))).isTrue();
        for (int at : new int[] { 0, 7, 8, 15, base64.length - 1 }) {
            for (byte bad : new byte[] { '"', '\\', '?', 0x1F, 0x0A, 0x00, (byte) 0x80, (byte) 0xE9 }) {
                byte[] b = base64.clone();
                b[at] = bad;
                assertThat(Base64Text.isVerbatim(b)).as("byte %02x at %d", bad, at).isFalse();
            }
        }
    }

    @Test
    void contentMarkedAsBase64OnlyByCheckingItSoItIsAlwaysWrittenAsValidJson() throws Exception {
        Attachment a = new Attachment("AAAA\"}], \"x\": \"" + "A".repeat(300), "png", "a.png");
        assertThat(a.checkBase64()).isEqualTo(4);
        assertThat(a.isBase64Known()).isFalse();
        MmsMessage msg = new MmsMessage().to("0911111111").attach(a);
        assertThat(new ObjectMapper().readTree(write(msg)).get("attachments").get(0).get("attachContent").textValue())
                .isEqualTo(a.getAttachContent());
    }

    @Test
    void writesTheTypeInLowerCase() throws Exception {
        MmsMessage msg = new MmsMessage().to("0911111111").attach(new Attachment("AAAA", "JPG", "a.jpg"));
        assertThat(new String(write(msg), US_ASCII)).contains("\"attachType\":\"jpg\"");
    }

    private static List<String> contents() {
        List<String> list = new ArrayList<>();
        String base64 = Base64.getEncoder().encodeToString(random(2000));
        list.add(base64);
        list.add(base64.substring(0, 255));
        list.add(base64.substring(0, 257));
        list.add(base64.substring(0, 1001) + "\"" + base64.substring(1001));
        list.add(base64.substring(0, 1001) + "\\" + base64.substring(1001));
        list.add(base64.substring(0, 1001) + "\n" + base64.substring(1001));
        list.add(base64.substring(0, 1001) + "é" + base64.substring(1001));
        list.add(base64.substring(0, 1001) + "中" + base64.substring(1001));
        list.add(base64.substring(0, 1001) + "\u4E41" + base64.substring(1001));
        list.add(base64.substring(0, 1001) + "?" + base64.substring(1001));
        list.add(base64.substring(0, 1001) + "\u007F" + base64.substring(1001));
        return list;
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }
}
