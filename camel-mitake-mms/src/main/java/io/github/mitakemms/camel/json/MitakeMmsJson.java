package io.github.mitakemms.camel.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.mitakemms.camel.model.Attachment;
import io.github.mitakemms.camel.model.Destination;
import io.github.mitakemms.camel.model.MmsMessage;
import io.github.mitakemms.camel.model.PushResponse;

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

    /** A reader per type, made once: looking the type's deserializer up again costs a share of a small call. */
    private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return MAPPER.readerFor(type);
        }
    };

    private MitakeMmsJson() {
    }

    /** Reads a response or callback body into the given type; null when the body is JSON null. */
    public static <T> T read(byte[] json, Class<T> type) throws IOException {
        byte[] normalized = LenientJson.normalize(json);
        if (type == PushResponse.class) {
            try (JsonParser p = MAPPER.createParser(normalized)) {
                return type.cast(PushResponseReader.read(p));
            }
        }
        return READERS.get(type).readValue(normalized);
    }

    /** Reads with the mapper alone, whatever the type: what {@link PushResponseReader} is held to. */
    static <T> T readWithMapper(byte[] json, Class<T> type) throws IOException {
        return READERS.get(type).readValue(LenientJson.normalize(json));
    }

    /**
     * Writes a request body into a buffer sized for it up front, whose array is used as it is: no growing, no final
     * copy, which for a 300 KB push saves twice its size in garbage.
     */
    public static Buffer writeToBuffer(Object value) throws IOException {
        Buffer out = new Buffer(estimateSize(value));
        if (value instanceof MmsMessage m && MmsMessageWriter.canWrite(m)) {
            try (JsonGenerator g = MAPPER.createGenerator((OutputStream) out)) {
                MmsMessageWriter.write(m, g);
            }
        } else {
            WRITER.writeValue((OutputStream) out, value);
        }
        return out;
    }

    /** Writes with the mapper alone, whatever the value: what {@link MmsMessageWriter} is held to. */
    static byte[] writeWithMapper(Object value) throws IOException {
        return WRITER.writeValueAsBytes(value);
    }

    /**
     * The size of the buffer for the JSON of a value. For a push, counted from its fields: each string at most as long
     * as Jackson escapes it, the attachments' content as it is (base64 needs no escaping), so the buffer is about the
     * body's size and grows only for content that must be escaped. For anything else a small buffer that grows as
     * needed.
     */
    static int estimateSize(Object value) {
        if (!(value instanceof MmsMessage m)) {
            return 256;
        }
        // braces, commas and the keys of every field the message may have
        long size = 128 + jsonLength(m.getSubject()) + jsonLength(m.getContent()) + jsonLength(m.getOrderTime())
                    + jsonLength(m.getExpireTime()) + jsonLength(m.getProjectName());
        List<Destination> destinations = m.getDestinations();
        if (destinations != null) {
            for (Destination d : destinations) {
                size += d == null ? 5 : 20 + jsonLength(d.getTo()) + jsonLength(d.getCId());
            }
        }
        List<Attachment> attachments = m.getAttachments();
        if (attachments != null) {
            for (Attachment a : attachments) {
                // base64 needs no escaping; other content is checked as it is written, and grows the buffer if it must
                size += a == null ? 5 : 56 + jsonLength(a.getAttachType()) + jsonLength(a.getAttachName())
                                        + a.getContentLength();
            }
        }
        return (int) Math.min(size, Integer.MAX_VALUE - 16);
    }

    /** The most bytes a string takes in JSON as Jackson writes it (UTF-8, control characters and quotes escaped). */
    static int jsonLength(String s) {
        if (s == null) {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x20 || c == '"' || c == '\\' ? 6 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return n;
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
