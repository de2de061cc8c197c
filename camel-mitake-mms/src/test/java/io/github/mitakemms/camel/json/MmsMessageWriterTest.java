package io.github.mitakemms.camel.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Random;

import io.github.mitakemms.camel.model.Attachment;
import io.github.mitakemms.camel.model.Destination;
import io.github.mitakemms.camel.model.MmsMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The push request's own writer writes the bytes the mapper writes from the annotated model, whatever the message
 * holds.
 */
class MmsMessageWriterTest {

    private static final String[] TEXTS = {
            null, "", "Hello", "你好 world", "a \"quoted\" \\ line\nand a tab\t and \u0001 and \u007f", "😀 emoji",
            "</script>&<>'", "\u2028\u2029", " padded " };

    @Test
    void writesTheMappersBytesForMessagesOfEveryShape() throws IOException {
        Random random = new Random(42);
        int written = 0;
        for (int i = 0; i < 3000; i++) {
            MmsMessage m = message(random);
            assertThat(MmsMessageWriter.canWrite(m)).isTrue();
            assertSameBytes(m);
            written++;
        }
        assertThat(written).isEqualTo(3000);
    }

    @Test
    void leavesSubclassesToTheMapper() throws IOException {
        MmsMessage sub = new MmsMessage() {
            public String getExtra() {
                return "extra";
            }
        };
        sub.to("0911111111");
        assertThat(MmsMessageWriter.canWrite(sub)).isFalse();
        assertThat(written(sub)).contains("\"extra\":\"extra\"");

        MmsMessage withSubDestination = new MmsMessage();
        withSubDestination.getDestinations().add(new Destination("0911111111") {
            public String getNote() {
                return "note";
            }
        });
        assertThat(MmsMessageWriter.canWrite(withSubDestination)).isFalse();
        assertThat(written(withSubDestination)).contains("\"note\":\"note\"");
    }

    private static MmsMessage message(Random r) {
        MmsMessage m = new MmsMessage();
        m.setSubject(text(r));
        m.setContent(text(r));
        m.setOrderTime(r.nextBoolean() ? null : "20261201120000");
        m.setExpireTime(r.nextBoolean() ? null : "20261202120000");
        m.setProjectName(text(r));
        switch (r.nextInt(5)) {
            case 0 -> m.setDestinations(null);
            case 1 -> m.setDestinations(new ArrayList<>());
            default -> {
                int n = 1 + r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    int kind = r.nextInt(8);
                    m.getDestinations().add(kind == 0 ? null
                            : new Destination(kind == 1 ? null : "09" + r.nextInt(100_000_000), text(r)));
                }
            }
        }
        switch (r.nextInt(4)) {
            case 0 -> m.setAttachments(null);
            case 1 -> m.setAttachments(new ArrayList<>());
            default -> {
                int n = 1 + r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    m.getAttachments().add(attachment(r));
                }
            }
        }
        return m;
    }

    private static Attachment attachment(Random r) {
        byte[] bytes = new byte[r.nextInt(600)];
        r.nextBytes(bytes);
        String[] types = { null, "image/png", "IMAGE/JPEG", "gif" };
        String[] names = { null, "a.png", "名字.jpg", "a \"b\".gif" };
        String type = types[r.nextInt(types.length)];
        String name = names[r.nextInt(names.length)];
        return switch (r.nextInt(6)) {
            case 0 -> null;
            case 1 -> Attachment.encoded(bytes, type, name);
            case 2 -> new Attachment(java.util.Base64.getEncoder().encodeToString(bytes), type, name);
            case 3 -> new Attachment(text(r), type, name);
            case 4 -> new Attachment(null, type, name);
            default -> {
                char[] long300 = new char[300];
                Arrays.fill(long300, 'A');
                long300[r.nextInt(300)] = "\"\\\n é".charAt(r.nextInt(5));
                yield new Attachment(new String(long300), type, name);
            }
        };
    }

    private static String text(Random r) {
        return TEXTS[r.nextInt(TEXTS.length)];
    }

    private static void assertSameBytes(MmsMessage m) throws IOException {
        String expected = new String(MitakeMmsJson.writeWithMapper(m), StandardCharsets.UTF_8);
        assertThat(written(m)).isEqualTo(expected);
    }

    private static String written(MmsMessage m) throws IOException {
        MitakeMmsJson.Buffer buffer = MitakeMmsJson.writeToBuffer(m);
        return new String(buffer.array(), 0, buffer.size(), StandardCharsets.UTF_8);
    }
}
