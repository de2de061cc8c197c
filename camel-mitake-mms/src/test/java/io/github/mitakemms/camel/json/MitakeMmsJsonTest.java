package io.github.mitakemms.camel.json;

import java.util.Random;

import io.github.mitakemms.camel.model.Attachment;
import io.github.mitakemms.camel.model.MmsMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MitakeMmsJsonTest {

    @Test
    void estimatesAPushAtLeastAsLargeAsItsJsonSoTheBufferNeverGrows() throws Exception {
        MmsMessage msg = new MmsMessage().to("0911111111").to("0922222222");
        msg.setSubject("Hello");
        msg.setContent("你好 world");
        byte[] content = new byte[225_000];
        new Random(1).nextBytes(content);
        msg.attach(Attachment.of("a.jpg", content));

        MitakeMmsJson.Buffer buffer = MitakeMmsJson.writeToBuffer(msg);

        assertThat(MitakeMmsJson.estimateSize(msg)).isGreaterThanOrEqualTo(buffer.size());
        assertThat(buffer.array()).hasSize(MitakeMmsJson.estimateSize(msg));
    }

    @Test
    void estimatesASmallPushCloseToItsJsonWhateverItsTextHolds() throws Exception {
        String[] texts = { "Hello", "你好 world", "a \"quoted\" \\ line\nand a tab\t and \u0001", "😀 emoji", "" };
        for (String text : texts) {
            MmsMessage msg = new MmsMessage().to("0911111111", "3f2b1c9e-0000-4000-8000-000000000001")
                    .to("0922222222", "3f2b1c9e-0000-4000-8000-000000000002");
            msg.setSubject(text);
            msg.setContent(text + text);
            msg.setProjectName(text);
            msg.setOrderTime("20261130235959");
            msg.attach(Attachment.of("a.png", new byte[600]));

            MitakeMmsJson.Buffer buffer = MitakeMmsJson.writeToBuffer(msg);

            assertThat(buffer.array()).as(text).hasSize(MitakeMmsJson.estimateSize(msg));
            assertThat(MitakeMmsJson.estimateSize(msg)).as(text)
                    .isGreaterThanOrEqualTo(buffer.size())
                    .isLessThanOrEqualTo(buffer.size() + 128);
        }
    }
}
