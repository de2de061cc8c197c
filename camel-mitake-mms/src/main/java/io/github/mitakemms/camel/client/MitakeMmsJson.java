package io.github.mitakemms.camel.client;

import java.io.IOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

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

    private MitakeMmsJson() {
    }

    /** Reads a response or callback body into the given type. */
    public static <T> T read(byte[] json, Class<T> type) throws IOException {
        return MAPPER.readValue(LenientJson.normalize(json), type);
    }

    /** Writes a request body. */
    public static byte[] write(Object value) throws IOException {
        return MAPPER.writeValueAsBytes(value);
    }

    /** The mapper, configured as above, for the component's own use. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
