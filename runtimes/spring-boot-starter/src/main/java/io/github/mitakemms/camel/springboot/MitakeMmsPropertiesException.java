package io.github.mitakemms.camel.springboot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The camel.component.mitake-mms properties cannot work as set: a route sends but the gateway URL or the credentials are
 * missing, or a value still holds a ${...} placeholder that Spring could not resolve (Spring Boot leaves those as they
 * are, so the text itself would be sent). Its message and {@link #getAction()} name the Spring keys; they never hold a
 * value of the properties, only the placeholders.
 */
public class MitakeMmsPropertiesException extends IllegalStateException {

    private final List<String> keys;
    private final String action;

    private MitakeMmsPropertiesException(String message, List<String> keys, String action) {
        super(message);
        this.keys = List.copyOf(keys);
        this.action = action;
    }

    /** A sending endpoint (mitake-mms:push) without the options named (baseUrl, clientId, clientSecret). */
    static MitakeMmsPropertiesException missing(String endpoint, List<String> options) {
        List<String> keys = options.stream().map(MitakeMmsPropertiesException::key).toList();
        String message = endpoint + " sends MMS through the Mitake gateway, but " + String.join(", ", keys)
                         + (keys.size() == 1 ? " is" : " are") + " not set (nor the " + String.join(", ", options)
                         + " option on the endpoint)";
        StringBuilder action = new StringBuilder("Set ").append(String.join(", ", keys))
                .append(", for example in application.properties from the environment:\n\n");
        for (String key : keys) {
            String name = key.substring(key.lastIndexOf('.') + 1);
            action.append("    ").append(key).append("=${MITAKE_").append(name.replace('-', '_').toUpperCase())
                    .append("}\n");
        }
        action.append("\nor the option on the endpoint's URI. A route that only receives callbacks needs none of them.");
        return new MitakeMmsPropertiesException(message, keys, action.toString());
    }

    /** Options (by name) whose values still hold the given unresolved placeholders. */
    static MitakeMmsPropertiesException unresolved(Map<String, List<String>> placeholdersByOption) {
        List<String> keys = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        placeholdersByOption.forEach((option, placeholders) -> {
            keys.add(key(option));
            parts.add(key(option) + " (" + String.join(", ", placeholders) + ")");
            placeholders.forEach(p -> names.add(p.substring(2, p.length() - 1).split(":", 2)[0]));
        });
        String message = "Spring could not resolve the placeholders of " + String.join(", ", parts)
                         + ": the text would be used as it is";
        String action = "Give " + names.stream().distinct().collect(Collectors.joining(", "))
                        + " a value: an environment variable, a system property or another property of the"
                        + " application. A Camel Simple expression belongs only in camel.component.mitake-mms.cid-seed.";
        return new MitakeMmsPropertiesException(message, keys, action);
    }

    /** The Spring keys concerned, such as camel.component.mitake-mms.base-url. */
    public List<String> getKeys() {
        return keys;
    }

    /** What to do about it, as Spring Boot's failure report shows it. */
    public String getAction() {
        return action;
    }

    /** baseUrl to camel.component.mitake-mms.base-url. */
    static String key(String option) {
        StringBuilder sb = new StringBuilder(MitakeMmsComponentAutoConfiguration.PREFIX).append('.');
        for (char c : option.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('-').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
