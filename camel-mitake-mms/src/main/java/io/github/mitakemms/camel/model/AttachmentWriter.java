package io.github.mitakemms.camel.model;

import java.io.IOException;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Writes an attachment as the API takes it, its fields in the order and form Jackson gives them, but its base64
 * content as bytes in one copy rather than character by character: several times faster for the 300 KB of an MMS
 * attachment. Content the component encoded or checked is written from its bytes as they are; other content when it
 * needs no JSON escaping, else as Jackson always writes a String. The type is written in lower case, as the API lists
 * the types.
 */
public final class AttachmentWriter extends StdSerializer<Attachment> {

    private static final long serialVersionUID = 1L;
    /** Below this length the check costs about what it saves. */
    static final int MIN_LENGTH = 256;

    AttachmentWriter() {
        super(Attachment.class);
    }

    @Override
    public void serialize(Attachment value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        write(value, gen);
    }

    /** Writes the attachment as an object, the same with or without the mapper. */
    public static void write(Attachment value, JsonGenerator gen) throws IOException {
        gen.writeStartObject(value);
        if (value.hasContent()) {
            gen.writeFieldName("attachContent");
            byte[] base64 = value.base64();
            if (base64 != null) {
                gen.writeRawUTF8String(base64, 0, base64.length);
            } else {
                writeString(value.getAttachContent(), gen);
            }
        }
        if (value.getAttachType() != null) {
            gen.writeStringField("attachType", value.getAttachType().toLowerCase(Locale.ROOT));
        }
        if (value.getAttachName() != null) {
            gen.writeStringField("attachName", value.getAttachName());
        }
        gen.writeEndObject();
    }

    private static void writeString(String content, JsonGenerator gen) throws IOException {
        if (content.length() >= MIN_LENGTH) {
            byte[] bytes = content.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            if (Base64Text.isVerbatim(bytes)) {
                gen.writeRawUTF8String(bytes, 0, bytes.length);
                return;
            }
        }
        gen.writeString(content);
    }
}
