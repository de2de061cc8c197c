package io.github.mitakemms.camel.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.apache.camel.Message;

/**
 * The client secret of the reliability tests and every access token their gateways issue, and the checks that none of
 * them shows where it must not: log text, exception messages, headers. Issued tokens are also appended to
 * {@code target/reliability/issued-tokens.txt} so that the scan of the whole suite's log knows them.
 */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Fixed, so that the scan of the whole suite's log (another JVM) knows it. */
    static final String CLIENT_SECRET = "rel-S3cr3t-Qm7Zp2Lx9Kv4";
    /** The secrets and tokens of the tests outside this package. */
    static final List<String> OTHER_KNOWN = List.of("s3cr3t-Pa55word", "xTV1tbhjz1k67GnC", "first-token",
            "second-token", "tls-token", "topSecret42", "p@ss");
    static final Path ISSUED = Figures.DIR.resolve("issued-tokens.txt");

    /**
     * Shapes that give a credential away whatever its value: a bearer header, a token or secret JSON field with a value,
     * a clientSecret URI parameter that is not masked.
     */
    static final Pattern SHAPES = Pattern.compile(
            "(?i)bearer\\s+[A-Za-z0-9._~+/=-]{6,}|\"accessToken\"\\s*:\\s*\"[^\"]+\"|\"clientSecret\"\\s*:\\s*\"[^\"]+\""
                                                  + "|clientSecret=(?!xxxxxx)[^&\\s\"]+");

    private static final Set<String> TOKENS = ConcurrentHashMap.newKeySet();

    private Secrets() {
    }

    /** A new access token, remembered as a secret. */
    static String newToken(String prefix) {
        String token = prefix + random(20);
        TOKENS.add(token);
        try {
            Files.createDirectories(Figures.DIR);
            Files.writeString(ISSUED, token + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return token;
    }

    /** The secrets: the client secrets and every token issued so far. */
    static List<String> all() {
        List<String> all = new ArrayList<>();
        all.add(CLIENT_SECRET);
        all.addAll(OTHER_KNOWN);
        all.addAll(TOKENS);
        return all;
    }

    /** The tokens issued by any run of the reliability tests whose record is in target/reliability. */
    static List<String> issuedInEarlierRuns() throws IOException {
        return Files.exists(ISSUED) ? Files.readAllLines(ISSUED, StandardCharsets.UTF_8).stream()
                .filter(t -> !t.isBlank()).toList() : List.of();
    }

    /** The secrets found in a text, by value or by shape. */
    static List<String> foundIn(String text, List<String> secrets) {
        List<String> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        for (String s : secrets) {
            if (text.contains(s)) {
                found.add(s);
            }
        }
        var m = SHAPES.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    static List<String> foundIn(String text) {
        return foundIn(text, all());
    }

    /** The secrets found in the messages and toString of an exception, its causes and suppressed exceptions. */
    static List<String> foundIn(Throwable t) {
        List<String> found = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        walk(t, seen, found);
        return found;
    }

    private static void walk(Throwable t, Map<Throwable, Boolean> seen, List<String> found) {
        if (t == null || seen.put(t, true) != null) {
            return;
        }
        found.addAll(foundIn(t.getMessage()));
        found.addAll(foundIn(t.toString()));
        found.addAll(foundIn(t.getLocalizedMessage()));
        walk(t.getCause(), seen, found);
        for (Throwable s : t.getSuppressed()) {
            walk(s, seen, found);
        }
    }

    /** The secrets found in the headers of a message (names and values as text). */
    static List<String> foundIn(Message message) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, Object> h : message.getHeaders().entrySet()) {
            found.addAll(foundIn(h.getKey() + "=" + h.getValue()));
        }
        return found;
    }

    private static String random(int length) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
