package io.github.mitakemms.camel.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Scans a log written with the pattern {@code %d %-5p %c [%t] %m%n} for secrets, line by line.
 * <p>
 * Camel core itself prints an endpoint URI as written, before sanitizing it, in three TRACE lines of endpoint
 * resolution (AbstractCamelContext "Getting endpoint with uri", EndpointHelper "Resolved property placeholders",
 * DefaultComponent's parameter map). A secret written into an endpoint URI therefore shows there, for every component;
 * the component cannot prevent it. Those lines are counted apart, so that the leaks are the component's own; a secret
 * configured on the component (not in a URI) must appear in none, and the tests check that separately.
 */
final class LogScan {

    static final Set<String> CAMEL_URI_TRACE_LOGGERS = Set.of("org.apache.camel.impl.engine.AbstractCamelContext",
            "org.apache.camel.support.EndpointHelper", "org.apache.camel.support.DefaultComponent");

    /** What a scan found: every line with a secret, split into the component's leaks and Camel core's URI lines. */
    record Result(long lines, long bytes, List<String> leaks, List<String> camelCoreUriTrace) {
    }

    private LogScan() {
    }

    static Result scan(Path file, List<String> secrets) throws IOException {
        List<String> leaks = new ArrayList<>();
        List<String> camel = new ArrayList<>();
        long lines = 0;
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader in = new BufferedReader(
                new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines++;
                List<String> found = Secrets.foundIn(line, secrets);
                if (found.isEmpty()) {
                    continue;
                }
                String[] f = line.split("\\s+", 5);
                boolean camelUriTrace = f.length >= 4 && "TRACE".equals(f[2]) && CAMEL_URI_TRACE_LOGGERS.contains(f[3]);
                (camelUriTrace ? camel : leaks).add(line.length() > 300 ? line.substring(0, 300) + "..." : line);
            }
        }
        return new Result(lines, Files.size(file), leaks, camel);
    }
}
