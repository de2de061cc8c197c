package io.github.mitakemms.camel.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelTest {

    @Test
    void attachmentTypeComesFromTheFileNameOnly() {
        assertThat(Attachment.of("dir.v2/noext", new byte[] { 1 }).getAttachType()).isNull();
        assertThat(Attachment.of("dir.v2/photo.JPG", new byte[] { 1 }).getAttachType()).isEqualTo("jpg");
        assertThat(Attachment.of("c:\\\\x.y\\\\a.png", new byte[] { 1 }).getAttachType()).isEqualTo("png");
        assertThat(Attachment.of("a.gif", new byte[] { 1, 2, 3 }).getAttachContent()).isEqualTo("AQID");
    }

    @Test
    void phoneNumbersAreMaskedInToString() {
        assertThat(new Destination("0912345678", "c1").toString()).doesNotContain("0912345678").contains("678")
                .contains("c1");
        assertThat(new MmsMessage().to("0912345678").toString()).doesNotContain("0912345678");
        assertThat(Attachment.of("a.png", new byte[300]).toString()).doesNotContain("AAAA");
    }

    @Test
    void statusesKnowWhetherTheyAreFinalAndSuccessful() {
        assertThat(MmsStatus.fromCode("0")).isEqualTo(MmsStatus.DELIVERED);
        assertThat(MmsStatus.fromCode(" 0 ").isSuccess()).isTrue();
        assertThat(MmsStatus.fromCode("1").isFinal()).isFalse();
        assertThat(MmsStatus.fromCode("2").isFinal()).isFalse();
        assertThat(MmsStatus.fromCode("1000").isFinal()).isFalse();
        for (String code : new String[] { "1001", "2000", "2001", "2002", "2003", "2999", "9998", "9999" }) {
            assertThat(MmsStatus.fromCode(code).isFinal()).as(code).isTrue();
            assertThat(MmsStatus.fromCode(code).isSuccess()).as(code).isFalse();
            assertThat(MmsStatus.fromCode(code).isRejected()).as(code).isFalse();
        }
        for (String code : new String[] { "2008", "2009", "2010", "2011", "2018" }) {
            assertThat(MmsStatus.fromCode(code).isRejected()).as(code).isTrue();
            assertThat(MmsStatus.fromCode(code).isFinal()).as(code).isTrue();
        }
        assertThat(MmsStatus.fromCode("7777")).isEqualTo(MmsStatus.UNKNOWN);
        assertThat(MmsStatus.fromCode(null).isFinal()).isFalse();
        assertThat(MmsStatus.EXPIRED.getText()).isEqualTo("逾時無法送達");
    }
}
