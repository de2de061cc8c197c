package io.github.mitakemms.camel;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The option and header tables of the component's page are made from {@code mitake-mms.json}, which Camel generates from
 * the options' javadoc and the headers' {@code @Metadata}: one source of truth. The build fails when the page and the
 * metadata differ; {@code -Dmitake.docs.update=true} writes the tables into the page:
 *
 * <pre>
 * ./mvnw -pl camel-mitake-mms verify -Dtest=DocTablesTest -Dmitake.docs.update=true
 * </pre>
 */
class DocTablesTest {

    private static final Path PAGE = Path.of("src/main/docs/mitake-mms-component.adoc");

    @Test
    void theOptionAndHeaderTablesOfThePageAreThoseOfTheMetadata() throws Exception {
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/mitakemms/camel/mitake-mms.json")) {
            json = new ObjectMapper().readTree(in);
        }
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        Map<String, String> tables = Map.of(
                "producer options", options(json.get("properties"), label -> !label.contains("consumer")),
                "consumer options", options(json.get("properties"), label -> label.contains("consumer")),
                "component options", options(json.get("componentProperties"),
                        name -> false, json.get("properties")),
                "headers", headers(json.get("headers")));
        String expected = page;
        for (Map.Entry<String, String> t : tables.entrySet()) {
            expected = replace(expected, t.getKey(), t.getValue());
        }
        if (Boolean.getBoolean("mitake.docs.update")) {
            Files.writeString(PAGE, expected, StandardCharsets.UTF_8);
        }
        assertThat(page).as("the tables of %s differ from mitake-mms.json: regenerate them with -Dmitake.docs.update=true"
                            + " (see this test's javadoc)", PAGE)
                .isEqualTo(expected);
    }

    /** The endpoint options whose label matches, in the metadata's order. */
    private static String options(JsonNode properties, Predicate<String> label) {
        StringBuilder t = header("Name | Description | Default | Type", "2,5,1,1");
        properties.fields().forEachRemaining(e -> {
            JsonNode p = e.getValue();
            if ("path".equals(p.path("kind").asText()) || !label.test(p.path("label").asText())) {
                return;
            }
            row(t, e.getKey(), p);
        });
        return t.append("|===\n").toString();
    }

    /** The component options that are not endpoint options too. */
    private static String options(JsonNode componentProperties, Predicate<String> unused, JsonNode endpointProperties) {
        StringBuilder t = header("Name | Description | Default | Type", "2,5,1,1");
        for (Iterator<Map.Entry<String, JsonNode>> it = componentProperties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!endpointProperties.has(e.getKey())) {
                row(t, e.getKey(), e.getValue());
            }
        }
        return t.append("|===\n").toString();
    }

    private static void row(StringBuilder t, String name, JsonNode p) {
        String type = "duration".equals(p.path("type").asText()) ? "Duration" : simpleName(p.path("javaType").asText());
        t.append("| `").append(name).append("` | ").append(cell(p.path("description").asText()))
                .append(p.path("required").asBoolean() ? " Required." : "")
                .append(" |").append(p.has("defaultValue") ? " " + cell(p.get("defaultValue").asText()) : "")
                .append(" | ").append(type).append('\n');
    }

    private static String headers(JsonNode headers) {
        StringBuilder t = header("Name | Used by | Description | Type", "2,1,5,1");
        headers.fields().forEachRemaining(e -> {
            JsonNode h = e.getValue();
            String usedBy = h.path("label").asText();
            t.append("| `").append(e.getKey()).append("` | ").append(usedBy.isEmpty() ? "producer, consumer" : usedBy)
                    .append(" | ").append(cell(h.path("description").asText()))
                    .append(" | ").append(simpleName(h.path("javaType").asText())).append('\n');
        });
        return t.append("|===\n").toString();
    }

    private static StringBuilder header(String columns, String cols) {
        return new StringBuilder("[width=\"100%\",cols=\"" + cols + "\",options=\"header\"]\n|===\n| " + columns + "\n");
    }

    /** java.util.List<java.lang.String> as List<String>. */
    private static String simpleName(String javaType) {
        return javaType.replaceAll("\\b[a-z][a-z0-9_]*\\.", "");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** The page with the lines between the table's START and END markers replaced. */
    private static String replace(String page, String table, String content) {
        String start = "// " + table + ": START (generated from mitake-mms.json by DocTablesTest, do not edit)\n";
        String end = "// " + table + ": END\n";
        int from = page.indexOf(start);
        int to = page.indexOf(end);
        assertThat(from).as("%s has the marker line %s", PAGE, start.trim()).isNotNegative();
        assertThat(to).as("%s has the marker line %s", PAGE, end.trim()).isGreaterThan(from);
        return page.substring(0, from + start.length()) + content + page.substring(to);
    }
}
