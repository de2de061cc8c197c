package io.github.mitakemms.camel.consumer;

import java.util.List;

import io.github.mitakemms.camel.model.DeliveryReport;

/**
 * The reports of one callback body: those that can be routed, and those that cannot be read as a delivery report.
 *
 * @param readable   the reports to route, in the order of the body; never empty
 * @param unreadable the reports that lack batchID, msgID or status, are null, or hold a value of the wrong type
 */
record CallbackReports(List<DeliveryReport> readable, List<Unreadable> unreadable) {

    /** The number of reports in the body. */
    int total() {
        return readable.size() + unreadable.size();
    }

    /**
     * A report of the body that cannot be routed.
     *
     * @param index   its position in the messages array
     * @param of      the number of reports in the body
     * @param problem what is wrong with it, naming fields but never quoting values
     * @param json    the report as JSON text, as it was read
     */
    record Unreadable(int index, int of, String problem, String json) {
    }
}
