package io.github.mitakemms.camel.quarkus.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Keeps the headers of every delivery report the callback route handled, for the tests to read. */
@ApplicationScoped
public class ReceivedReports implements Processor {

    private final List<Map<String, Object>> reports = new CopyOnWriteArrayList<>();

    @Override
    public void process(Exchange exchange) {
        reports.add(Map.copyOf(exchange.getMessage().getHeaders()));
    }

    public List<Map<String, Object>> all() {
        return List.copyOf(reports);
    }

    public void clear() {
        reports.clear();
    }
}
