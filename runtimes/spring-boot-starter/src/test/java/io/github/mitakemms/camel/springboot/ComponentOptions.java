package io.github.mitakemms.camel.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The two option lists the tests compare: the component's (its generated mitake-mms.json) and the starter's (the
 * spring-configuration-metadata.json that spring-boot-configuration-processor wrote for the jar).
 */
final class ComponentOptions {

    static final String PREFIX = "camel.component.mitake-mms.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ComponentOptions() {
    }

    /** The component's options by name (baseUrl), each its JSON description. */
    static Map<String, JsonNode> component() {
        JsonNode root = read("META-INF/io/github/mitakemms/camel/mitake-mms.json");
        return byName(root.get("componentProperties").fields());
    }

    /** The starter's properties by full key (camel.component.mitake-mms.base-url), each its metadata. */
    static Map<String, JsonNode> starter() {
        JsonNode root = read("META-INF/spring-configuration-metadata.json");
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (JsonNode p : root.get("properties")) {
            if (p.get("name").textValue().startsWith(PREFIX)) {
                byKey.put(p.get("name").textValue(), p);
            }
        }
        return byKey;
    }

    /** baseUrl to camel.component.mitake-mms.base-url, as Spring Boot writes a property's key. */
    static String key(String option) {
        StringBuilder sb = new StringBuilder(PREFIX);
        for (char c : option.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('-').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static Map<String, JsonNode> byName(Iterator<Map.Entry<String, JsonNode>> fields) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        fields.forEachRemaining(e -> byName.put(e.getKey(), e.getValue()));
        return byName;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = ComponentOptions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("not on the classpath: " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
