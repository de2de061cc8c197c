package io.github.mitakemms.camel.json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.mitakemms.camel.model.Attachment;
import io.github.mitakemms.camel.model.MmsMessage;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

class AttachmentSerializerTest {

    /** Jackson as it writes without the component's serializer. */
    private static final ObjectMapper PLAIN = JsonMapper.builder().serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    @Test
    void writesEveryAttachmentContentExactlyAsJacksonDoes() throws Exception {
        for (String content : contents()) {
            MmsMessage msg = new MmsMessage().to("0911111111");
            msg.setSubject("s");
            msg.attach(new Attachment(content, "jpg", "a.jpg"));

            byte[] ours = MitakeMmsJson.write(msg);
            MitakeMmsJson.Buffer buffered = MitakeMmsJson.writeToBuffer(msg);

            assertThat(ours).as("content of length %d", content.length()).isEqualTo(PLAIN.writeValueAsBytes(msg));
            assertThat(Arrays.copyOf(buffered.array(), buffered.size())).isEqualTo(ours);
        }
    }

    @Test
    void writesBase64KnownToBeSoundAsJacksonDoes() throws Exception {
        MmsMessage msg = new MmsMessage().to("0911111111");
        msg.setSubject("s");
        msg.attach(Attachment.of("a.jpg", random(3000)));
        Attachment checked = new Attachment(Base64.getEncoder().encodeToString(random(700)), "png", "b.png");
        checked.markBase64Known();
        msg.attach(checked);
        msg.attach(new Attachment(null, "gif", null));
        assertThat(msg.getAttachments()).allMatch(a -> a.getAttachContent() == null || a.isBase64Known());

        MitakeMmsJson.Buffer buffered = MitakeMmsJson.writeToBuffer(msg);
        assertThat(Arrays.copyOf(buffered.array(), buffered.size())).isEqualTo(PLAIN.writeValueAsBytes(msg));
    }

    @Test
    void checksContentAgainOnceItIsSetAfterItWasKnown() throws Exception {
        Attachment a = Attachment.of("a.jpg", random(3000));
        a.setAttachContent(a.getAttachContent().substring(0, 1000) + "\"\n" + a.getAttachContent().substring(1000));
        assertThat(a.isBase64Known()).isFalse();
        MmsMessage msg = new MmsMessage().to("0911111111").attach(a);
        msg.setSubject("s");
        assertThat(MitakeMmsJson.write(msg)).isEqualTo(PLAIN.writeValueAsBytes(msg));
    }

    @Test
    void takesTheFastPathOnlyForPrintableAsciiWithoutQuoteBackslashOrQuestionMark() {
        byte[] base64 = Base64.getEncoder().encode(random(3000));
        assertThat(AttachmentSerializer.isVerbatim(base64)).isTrue();
        assertThat(AttachmentSerializer.isVerbatim(" ~\u007F!#$%&'()*+,-./09:;<=>@AZ[]^_`az{|}".getBytes(US_ASCII))).isTrue();
        for (int at : new int[] { 0, 7, 8, 15, base64.length - 1 }) {
            for (byte bad : new byte[] { '"', '\\', '?', 0x1F, 0x0A, 0x00, (byte) 0x80, (byte) 0xE9 }) {
                byte[] b = base64.clone();
                b[at] = bad;
                assertThat(AttachmentSerializer.isVerbatim(b)).as("byte %02x at %d", bad, at).isFalse();
            }
        }
    }

    @Test
    void estimatesAPushAtLeastAsLargeAsItsJson() throws Exception {
        MmsMessage msg = new MmsMessage().to("0911111111").to("0922222222");
        msg.setSubject("Hello");
        msg.setContent("你好 world");
        msg.attach(Attachment.of("a.jpg", random(225_000)));
        assertThat(MitakeMmsJson.estimateSize(msg)).isGreaterThanOrEqualTo(MitakeMmsJson.write(msg).length);
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
