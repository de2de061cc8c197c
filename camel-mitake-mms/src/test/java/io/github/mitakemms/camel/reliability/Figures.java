package io.github.mitakemms.camel.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures a reliability test measured. {@link #publish()} prints one line per figure,
 * {@code RELIABILITY <suite>.<name> <value>}, and writes them to {@code target/reliability/figures-<suite>.txt} so that
 * docs/RELIABILITY.md can be checked against a run.
 */
final class Figures {

    static final Path DIR = Path.of("target", "reliability");

    /** The figures every suite reports, so that the totals add up. */
    static final String REQUESTS = "requests";
    static final String FAULTS = "faults";
    static final String DUPLICATES = "duplicates";
    static final String LOST = "lost";
    static final String LEAKED = "leaked";
    static final String CRASHES = "crashes";

    private final String suite;
    private final Map<String, Long> values = new LinkedHashMap<>();

    Figures(String suite) {
        this.suite = suite;
        for (String name : new String[] { REQUESTS, FAULTS, DUPLICATES, LOST, LEAKED, CRASHES }) {
            values.put(name, 0L);
        }
    }

    synchronized Figures add(String name, long delta) {
        values.merge(name, delta, Long::sum);
        return this;
    }

    synchronized long get(String name) {
        return values.getOrDefault(name, 0L);
    }

    synchronized void publish() {
        StringBuilder file = new StringBuilder();
        for (Map.Entry<String, Long> e : values.entrySet()) {
            String line = "RELIABILITY " + suite + "." + e.getKey() + " " + e.getValue();
            System.out.println(line);
            file.append(line).append('\n');
        }
        write("figures-" + suite + ".txt", file.toString());
    }

    static void write(String name, String content) {
        try {
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
