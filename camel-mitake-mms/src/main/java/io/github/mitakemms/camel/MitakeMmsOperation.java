package io.github.mitakemms.camel;

import java.util.Locale;

/**
 * The operations of the {@code mitake-mms} component. The three producer operations are the API's
 * {@code actionType} values; {@code callback} is the consumer.
 */
public enum MitakeMmsOperation {

    push,
    queryBatchDR,
    querySingleDR,
    callback;

    /** The value of the {@code actionType} request header. */
    public String actionType() {
        return name();
    }

    /**
     * Parses an operation name, ignoring case. Unknown names are an error: an operation is never guessed.
     *
     * @throws IllegalArgumentException naming the value and the operations known
     */
    public static MitakeMmsOperation fromName(String name) {
        if (name != null) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            for (MitakeMmsOperation op : values()) {
                if (op.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                    return op;
                }
            }
        }
        throw new IllegalArgumentException(
                "Unknown mitake-mms operation '" + name + "'; expected one of push, queryBatchDR, querySingleDR, callback");
    }
}
