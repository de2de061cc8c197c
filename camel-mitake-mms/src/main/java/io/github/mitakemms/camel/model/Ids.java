package io.github.mitakemms.camel.model;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

/**
 * JSON handling of batchID and msgID. The API shows them as numbers beyond 2^53, as zero-padded numbers and as UUIDs:
 * they are kept as Strings, read from either JSON form without passing through a double, and written back as a JSON
 * number when they are a canonical integer (digits without a leading zero), else as a JSON string: JSON has no number
 * with a leading zero, so {@code 0000000001} is written {@code "0000000001"}.
 */
public final class Ids {

    private Ids() {
    }

    /**
     * Whether an id is written as a JSON number: ASCII digits and nothing else, without a leading zero unless it is
     * {@code 0} itself.
     */
    public static boolean isNumeric(String id) {
        if (id == null || id.isEmpty() || id.charAt(0) == '0' && id.length() > 1) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The id at the parser's current token: a JSON string or integer as its text, trimmed; null for JSON null or when
     * empty.
     *
     * @throws MismatchedInputException for any other token
     */
    public static String read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT) {
            String text = p.getText().trim();
            return text.isEmpty() ? null : text;
        }
        throw MismatchedInputException.from(p, String.class,
                "an id must be a JSON string or integer, was " + t + " (field " + p.currentName() + ")");
    }

    /** {@link #read(JsonParser)} for the mapper. */
    public static final class Reader extends StdScalarDeserializer<String> {

        private static final long serialVersionUID = 1L;

        public Reader() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return read(p);
        }
    }

    public static final class Writer extends StdScalarSerializer<String> {

        private static final long serialVersionUID = 1L;

        public Writer() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (isNumeric(value)) {
                gen.writeNumber(value);
            } else {
                gen.writeString(value);
            }
        }
    }
}
