package io.github.mitakemms.camel.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.mitakemms.camel.model.Attachment;
import io.github.mitakemms.camel.model.Destination;
import io.github.mitakemms.camel.model.MmsMessage;

/**
 * Reads and writes the API's JSON. Reading is lenient as the gateway needs: trailing commas, leading zeros and bare
 * UUIDs (see {@link LenientJson}), numbers sent as strings and strings sent as numbers, unknown fields.
 */
public final class MitakeMmsJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private static final ObjectWriter WRITER = MAPPER.writer();

    private MitakeMmsJson() {
    }

    /** Reads a response or callback body into the given type. */
    public static <T> T read(byte[] json, Class<T> type) throws IOException {
        return MAPPER.readValue(LenientJson.normalize(json), type);
    }

    /**
     * Writes a request body into a buffer sized for it up front, whose array is used as it is: no growing, no final
     * copy, which for a 300 KB push saves twice its size in garbage.
     */
    public static Buffer writeToBuffer(Object value) throws IOException {
        Buffer out = new Buffer(estimateSize(value));
        WRITER.writeValue((OutputStream) out, value);
        return out;
    }

    /** About the size of the JSON of a value, a little over for a push, whose attachments make nearly all of it. */
    static int estimateSize(Object value) {
        if (!(value instanceof MmsMessage m)) {
            return 256;
        }
        long size = 512 + 6L * (length(m.getSubject()) + length(m.getContent()) + length(m.getProjectName()));
        List<Destination> destinations = m.getDestinations();
        if (destinations != null) {
            for (Destination d : destinations) {
                size += 32 + length(d == null ? null : d.getTo()) + 3L * length(d == null ? null : d.getCId());
            }
        }
        List<Attachment> attachments = m.getAttachments();
        if (attachments != null) {
            for (Attachment a : attachments) {
                size += 64 + (a == null ? 0 : a.getContentLength() + 3L * length(a.getAttachName()));
            }
        }
        return (int) Math.min(size, Integer.MAX_VALUE - 16);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    /** A byte array output stream that lends its array. */
    public static final class Buffer extends ByteArrayOutputStream {

        Buffer(int size) {
            super(size);
        }

        /** The array holding the bytes written, from 0 to {@link #size()}; not a copy. */
        public byte[] array() {
            return buf;
        }
    }
}
