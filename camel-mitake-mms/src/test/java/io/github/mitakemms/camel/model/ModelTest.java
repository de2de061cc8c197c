package io.github.mitakemms.camel.model;

import io.github.mitakemms.camel.validation.MmsValidator;
import org.junit.jupiter.api.Test;

import static io.github.mitakemms.camel.TestFiles.PNG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelTest {


    @Test
    void attachmentTypeComesFromTheFileNameOnly() {
        assertThat(Attachment.of("dir.v2/noext", new byte[] { 1 }).getAttachType()).isNull();
        assertThat(Attachment.of("dir.v2/photo.JPG", new byte[] { 1 }).getAttachType()).isEqualTo("jpg");
        assertThat(Attachment.of("c:\\\\x.y\\\\a.png", new byte[] { 1 }).getAttachType()).isEqualTo("png");
        assertThat(Attachment.of("a.gif", new byte[] { 1, 2, 3 }).getAttachContent()).isEqualTo("AQID");
    }

    @Test
    void onlyContentKnownToBeBase64SkipsTheAlphabetCheck() {
        Attachment encoded = Attachment.of("a.png", PNG);
        assertThat(encoded.isBase64Known()).isTrue();
        assertThat(encoded.copy().isBase64Known()).isTrue();
        MmsMessage ok = new MmsMessage().to("0912345678").attach(encoded);
        ok.setSubject("s");
        MmsValidator.validate(ok, 307_200);

        Attachment given = encoded.copy();
        given.setAttachContent(given.getAttachContent() + "!!!!");
        assertThat(given.isBase64Known()).isFalse();
        MmsMessage bad = new MmsMessage().to("0912345678").attach(given);
        bad.setSubject("s");
        assertThatThrownBy(() -> MmsValidator.validate(bad, 307_200))
                .hasMessageContaining("must be base64").hasMessageContaining("2020");
        assertThat(given.isBase64Known()).isFalse();
    }

    @Test
    void validationRemembersContentItFoundToBeBase64() {
        Attachment given = new Attachment(Attachment.of("a.png", PNG).getAttachContent(), "png", "a.png");
        assertThat(given.isBase64Known()).isFalse();
        MmsMessage msg = new MmsMessage().to("0912345678").attach(given);
        msg.setSubject("s");
        MmsValidator.validate(msg, 307_200);
        assertThat(given.isBase64Known()).isTrue();
        assertThat(given.copy().isBase64Known()).isTrue();

        given.setAttachContent(given.getAttachContent());
        assertThat(given.isBase64Known()).isFalse();
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
        for (String code : new String[] { "2008", "2009", "2010", "2011" }) {
            assertThat(MmsStatus.fromCode(code).isRejected()).as(code).isTrue();
            assertThat(MmsStatus.fromCode(code).isDuplicate()).as(code).isFalse();
            assertThat(MmsStatus.fromCode(code).isFinal()).as(code).isTrue();
        }
        // a cID used before: maybe sent earlier, so neither refused nor sent now
        assertThat(MmsStatus.fromCode("2018").isDuplicate()).isTrue();
        assertThat(MmsStatus.fromCode("2018").isRejected()).isFalse();
        assertThat(MmsStatus.fromCode("2018").getText()).isEqualTo("cID重複");
        assertThat(MmsStatus.fromCode("7777")).isEqualTo(MmsStatus.UNKNOWN);
        assertThat(MmsStatus.fromCode(null).isFinal()).isFalse();
        assertThat(MmsStatus.EXPIRED.getText()).isEqualTo("逾時無法送達");
    }
}
