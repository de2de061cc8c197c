package io.github.mitakemms.camel.springboot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's properties are the component's options: same names, types that bind to them, descriptions that begin
 * with the component's, defaults (where the starter shows one) equal to the component's. When the component gains an
 * option, the first test names the property to add to MitakeMmsComponentConfiguration.
 */
class OptionListTest {

    /** Properties of the starter that are not options of the component. */
    private static final Set<String> STARTER_ONLY = Set.of(ComponentOptions.PREFIX + "enabled",
            ComponentOptions.PREFIX + "customizer.enabled");

    @Test
    void everyComponentOptionIsAPropertyOfTheStarterAndNoOtherOne() {
        Set<String> expected = new TreeSet<>();
        ComponentOptions.component().keySet().forEach(o -> expected.add(ComponentOptions.key(o)));
        Set<String> actual = new TreeSet<>(ComponentOptions.starter().keySet());
        actual.removeAll(STARTER_ONLY);

        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        assertThat(missing).as("options of the component that MitakeMmsComponentConfiguration lacks").isEmpty();
        assertThat(extra).as("properties of the starter that the component does not have").isEmpty();
    }

    @Test
    void typesBindToTheOptions() {
        List<String> wrong = new ArrayList<>();
        Map<String, JsonNode> starter = ComponentOptions.starter();
        ComponentOptions.component().forEach((option, json) -> {
            JsonNode property = starter.get(ComponentOptions.key(option));
            if (property == null) {
                return; // reported by the test of the names
            }
            String expected = switch (json.get("type").textValue()) {
                case "string" -> "java.lang.String";
                case "boolean" -> "java.lang.Boolean";
                case "integer" -> "java.lang.Integer";
                case "duration" -> "java.time.Duration";
                default -> json.get("javaType").textValue();
            };
            if (!expected.equals(property.get("type").textValue())) {
                wrong.add(option + ": " + property.get("type").textValue() + " instead of " + expected);
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void descriptionsBeginWithTheComponentsOwn() {
        List<String> wrong = new ArrayList<>();
        Map<String, JsonNode> starter = ComponentOptions.starter();
        ComponentOptions.component().forEach((option, json) -> {
            JsonNode property = starter.get(ComponentOptions.key(option));
            if (property == null) {
                return;
            }
            String theirs = normalized(json.get("description").textValue());
            String ours = property.has("description") ? normalized(property.get("description").textValue()) : "";
            if (!ours.startsWith(theirs)) {
                wrong.add(option + ":\n  component: " + theirs + "\n  starter:   " + ours);
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void defaultsShownAreTheComponentsDefaults() {
        List<String> wrong = new ArrayList<>();
        Map<String, JsonNode> starter = ComponentOptions.starter();
        ComponentOptions.component().forEach((option, json) -> {
            JsonNode property = starter.get(ComponentOptions.key(option));
            if (property == null || !property.has("defaultValue")) {
                return; // a default is worth showing, but the component's own applies anyway
            }
            String ours = property.get("defaultValue").asText();
            String theirs = json.has("defaultValue") ? json.get("defaultValue").asText() : null;
            if ("duration".equals(json.get("type").textValue())) {
                ours = String.valueOf(DurationStyle.detectAndParse(ours).toMillis());
                theirs = theirs == null ? null : String.valueOf(Duration.ofMillis(Long.parseLong(theirs)).toMillis());
            }
            if (!ours.equals(theirs)) {
                wrong.add(option + ": starter shows " + ours + ", component has " + theirs);
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void configurationMetadataDescribesEveryProperty() {
        List<String> undescribed = new ArrayList<>();
        ComponentOptions.starter().forEach((key, property) -> {
            if (!property.hasNonNull("description") || property.get("description").textValue().isBlank()) {
                undescribed.add(key);
            }
        });
        assertThat(ComponentOptions.starter()).containsKeys(STARTER_ONLY.toArray(String[]::new));
        assertThat(undescribed).isEmpty();
    }

    /**
     * The text with its white space collapsed and without square brackets: Camel's metadata generator drops them from
     * the Javadoc it copies (${body[orderId]} becomes ${bodyorderId} in mitake-mms.json).
     */
    private static String normalized(String text) {
        return text.replace("[", "").replace("]", "").replaceAll("\\s+", " ").trim();
    }
}
