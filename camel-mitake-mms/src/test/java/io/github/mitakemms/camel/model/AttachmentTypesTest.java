package io.github.mitakemms.camel.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.mitakemms.camel.TestFiles.bytes;
import static org.assertj.core.api.Assertions.assertThat;

class AttachmentTypesTest {

    @Test
    void sniffsEverySupportedSignature() {
        assertThat(AttachmentTypes.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0), 4)).isEqualTo("jpg");
        assertThat(AttachmentTypes.sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A), 8)).isEqualTo("png");
        assertThat(AttachmentTypes.sniff(bytes('G', 'I', 'F', '8', '7', 'a'), 6)).isEqualTo("gif");
        assertThat(AttachmentTypes.sniff(bytes('G', 'I', 'F', '8', '9', 'a'), 6)).isEqualTo("gif");
        assertThat(AttachmentTypes.sniff(bytes('I', 'D', '3', 4), 4)).isEqualTo("mp3");
        assertThat(AttachmentTypes.sniff(bytes(0xFF, 0xFB, 0x90), 3)).isEqualTo("mp3");
        assertThat(AttachmentTypes.sniff(bytes(0xFF, 0xF3), 2)).isEqualTo("mp3");
    }

    @Test
    void sniffsNothingFromTooFewOrOtherBytes() {
        assertThat(AttachmentTypes.sniff(new byte[0], 0)).isNull();
        assertThat(AttachmentTypes.sniff(bytes(0xFF, 0xD8), 2)).isNull();
        assertThat(AttachmentTypes.sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A), 7)).isNull();
        assertThat(AttachmentTypes.sniff(bytes('G', 'I', 'F', '8', '8', 'a'), 6)).isNull();
        assertThat(AttachmentTypes.sniff(bytes('%', 'P', 'D', 'F', '-'), 5)).isNull();
        assertThat(AttachmentTypes.sniff(bytes('B', 'M', 0, 0), 4)).isNull();
        // only the given length counts
        assertThat(AttachmentTypes.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0), 1)).isNull();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = { "a.jpg,jpg", "A.JPG,jpg", "dir.v2/b.Jpeg,jpeg", "c.tar.png,png", "noext,null",
            "dir.v2/noext,null", "dir.v2\\noext,null", "trailing.,null", "null,null" })
    void typeFromName(String name, String type) {
        assertThat(AttachmentTypes.fromName(name)).isEqualTo(type);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = { "image/jpeg,jpg", "IMAGE/JPEG; name=a,jpg", "image/pjpeg,jpg", "image/png,png",
            "image/gif,gif", "audio/mpeg,mp3", "audio/mp3,mp3", "image/bmp,null", "application/octet-stream,null",
            "null,null" })
    void typeFromContentType(String contentType, String type) {
        assertThat(AttachmentTypes.fromContentType(contentType)).isEqualTo(type);
    }

    @Test
    void jpegIsJpg() {
        assertThat(AttachmentTypes.sameType("jpeg", "jpg")).isTrue();
        assertThat(AttachmentTypes.sameType("jpg", "jpg")).isTrue();
        assertThat(AttachmentTypes.sameType("png", "jpg")).isFalse();
        assertThat(AttachmentTypes.sameType("mp3", null)).isFalse();
        assertThat(AttachmentTypes.sameType(null, null)).isFalse();
    }
}
