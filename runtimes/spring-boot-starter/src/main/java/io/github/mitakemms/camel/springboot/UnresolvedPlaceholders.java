package io.github.mitakemms.camel.springboot;

import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the ${...} placeholders Spring left in the option values because it could not resolve them: Spring Boot binds
 * such a value as its text, so ${MITAKE_CLIENT_ID} without that variable would be sent as the client id.
 */
final class UnresolvedPlaceholders {

    /** Options whose value is a Camel Simple expression: their ${...} is the expression's own. */
    private static final Set<String> EXPRESSIONS = Set.of("cidSeed");

    /** The password is free text: only a value that is one whole placeholder is taken for one. */
    private static final String FREE_TEXT = "clientSecret";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^${}]+}");

    private UnresolvedPlaceholders() {
    }

    /** The unresolved placeholders by option name, sorted; empty when there is none. */
    static Map<String, List<String>> in(Map<String, Object> options) {
        Map<String, List<String>> found = new TreeMap<>();
        options.forEach((option, value) -> {
            if (!(value instanceof String text) || EXPRESSIONS.contains(option)) {
                return;
            }
            if (FREE_TEXT.equals(option)) {
                if (PLACEHOLDER.matcher(text.trim()).matches()) {
                    found.put(option, List.of(text.trim()));
                }
                return;
            }
            List<String> placeholders = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                placeholders.add(m.group());
            }
            if (!placeholders.isEmpty()) {
                found.put(option, placeholders);
            }
        });
        return found;
    }
}
