package io.github.mitakemms.camel.bench.push;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.mitakemms.camel.bench.Payload;

/**
 * The push request as a performance-minded user writes it by hand: Jackson's streaming generator, the attachment's
 * base64 made by the JDK's encoder and written as raw bytes (base64 needs no JSON escaping; several times faster than
 * Jackson's own {@code writeBinary}), a random UUID cID per destination. And the answer read with Jackson's streaming
 * parser, straight from the response's stream. No validation.
 */
final class PushJson {

    static final JsonFactory FACTORY = new JsonFactory();

    private PushJson() {
    }

    /** Writes the request for the payload to the given destinations. */
    static void write(OutputStream out, Payload payload, List<String> phones) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("subject", Payload.SUBJECT);
            g.writeStringField("content", Payload.CONTENT);
            g.writeArrayFieldStart("destinations");
            for (String phone : phones) {
                g.writeStartObject();
                g.writeStringField("to", phone);
                g.writeStringField("cID", UUID.randomUUID().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("attachments");
            g.writeStartObject();
            g.writeFieldName("attachContent");
            byte[] base64 = Base64.getEncoder().encode(payload.image());
            g.writeRawUTF8String(base64, 0, base64.length);
            g.writeStringField("attachType", payload.type());
            g.writeStringField("attachName", payload.fileName());
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** The size of the request, to size a buffer for it. */
    static int expectedSize(Payload payload, int destinations) {
        return payload.image().length / 3 * 4 + 256 + destinations * 72;
    }

    /**
     * Reads a push answer from its stream and fails unless it has a batchID and one message per destination and no
     * error code.
     */
    static void check(JsonParser p, int destinations) throws IOException {
        try (p) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("Push answer is not a JSON object");
            }
            boolean batchId = false;
            int messages = -1;
            String code = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("batchID".equals(name)) {
                    batchId = value != JsonToken.VALUE_NULL;
                } else if ("code".equals(name)) {
                    code = p.getText();
                } else if ("messages".equals(name) && value == JsonToken.START_ARRAY) {
                    messages = 0;
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        messages++;
                        p.skipChildren();
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (code != null || !batchId || messages != destinations) {
                throw new IllegalStateException("Push failed: code " + code + ", batchID " + batchId + ", " + messages
                                                + " messages");
            }
        }
    }
}
