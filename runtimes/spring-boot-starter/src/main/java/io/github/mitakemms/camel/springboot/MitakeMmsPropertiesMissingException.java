package io.github.mitakemms.camel.springboot;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A route sends through mitake-mms, but the gateway URL or the credentials it needs are not set.
 */
public class MitakeMmsPropertiesMissingException extends IllegalStateException {

    private final String endpoint;
    private final List<String> keys;

    MitakeMmsPropertiesMissingException(String endpoint, List<String> missingOptions) {
        super(message(endpoint, keys(missingOptions)));
        this.endpoint = endpoint;
        this.keys = keys(missingOptions);
    }

    /** The endpoint that sends, such as mitake-mms:push (without its options). */
    public String getEndpoint() {
        return endpoint;
    }

    /** The Spring property keys that are not set, such as camel.component.mitake-mms.base-url. */
    public List<String> getKeys() {
        return keys;
    }

    private static List<String> keys(List<String> options) {
        return options.stream().map(o -> MitakeMmsComponentAutoConfiguration.PREFIX + "." + o).toList();
    }

    private static String message(String endpoint, List<String> keys) {
        return endpoint + " sends MMS through the Mitake gateway, but " + String.join(", ", keys)
               + (keys.size() == 1 ? " is" : " are") + " not set (nor the "
               + keys.stream().map(k -> camelName(k.substring(k.lastIndexOf('.') + 1)))
                       .collect(Collectors.joining(", "))
               + " option on the endpoint)";
    }

    /** base-url to baseUrl. */
    static String camelName(String kebab) {
        StringBuilder sb = new StringBuilder(kebab.length());
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }
}
