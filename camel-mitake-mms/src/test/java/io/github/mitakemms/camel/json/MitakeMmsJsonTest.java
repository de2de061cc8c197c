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
}
