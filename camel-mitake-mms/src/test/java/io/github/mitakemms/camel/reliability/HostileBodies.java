package io.github.mitakemms.camel.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Callback bodies that are not delivery reports, generated from a seed, so that every run sends the same ones. Each
 * must be refused with a 4xx: random bytes, truncated JSON, wrong types, huge and negative numbers where no number
 * fits, deep nesting, whitespace up to megabytes, invalid UTF-8, missing fields, JSON that is not an object of reports.
 * The exception is one bad report among good ones ({@link #ONE_BAD_REPORT}): its good report is routed and the body
 * acknowledged with 200, while the bad report goes to the consumer's exception handler.
 */
final class HostileBodies {

    static final String ONE_BAD_REPORT = "one-bad-report";

    static final String[] KINDS = { "random-bytes", "truncated-json", "wrong-type", "huge-number", "deep-nesting",
                                    "whitespace", "invalid-utf8", "missing-field", "not-an-object", ONE_BAD_REPORT };

    /** The idempotency key of {@link #GOOD}, the report beside the bad one. */
    static final String GOOD_KEY = "301786034222960645:301786034575282175:0";

    private static final String GOOD = "{\"batchID\":301786034222960645,\"msgID\":301786034575282175,\"status\":\"0\","
                                       + "\"statusTime\":\"20200828162035\",\"point\":3}";

    private final Random random;

    HostileBodies(long seed) {
        this.random = new Random(seed);
    }

    /** The kind of the n-th body. */
    static String kind(int n) {
        return KINDS[n % KINDS.length];
    }

    /** A body and its kind; invalid UTF-8 names its byte sequence. */
    record Body(String kind, byte[] bytes) {
    }

    private String lastKind;

    /** The n-th body; call in order of n. */
    Body next(int n) {
        lastKind = kind(n);
        byte[] bytes = bytes(n);
        return new Body(lastKind, bytes);
    }

    private byte[] bytes(int n) {
        return switch (kind(n)) {
            case "random-bytes" -> randomBytes();
            case "truncated-json" -> truncated();
            case "wrong-type" -> utf8(wrongType());
            case "huge-number" -> utf8(hugeNumber());
            case "deep-nesting" -> utf8(deepNesting());
            case "whitespace" -> whitespace(n);
            case "invalid-utf8" -> invalidUtf8();
            case "missing-field" -> utf8(missingField());
            case "not-an-object" -> utf8(pick("[]", "[" + GOOD + "]", "\"messages\"", "123", "-1", "null", "true",
                    "\"\"", "{}", "{\"message\":[" + GOOD + "]}"));
            default -> utf8("{\"messages\":[" + GOOD + "," + pick("{\"batchID\":1,\"msgID\":2}", "null", "[]", "7",
                    "{\"batchID\":1,\"msgID\":{},\"status\":\"0\"}", "{\"batchID\":1.5,\"msgID\":2,\"status\":\"0\"}")
                            + "]}");
        };
    }

    private byte[] randomBytes() {
        byte[] b = new byte[1 + random.nextInt(4096)];
        random.nextBytes(b);
        if (b[0] == '{' || b[0] == '[') {
            b[0] = 0;
        }
        return b;
    }

    private byte[] truncated() {
        String full = "{\"messages\":[" + GOOD + "," + GOOD.replace("0828", "0829") + "]}";
        return utf8(full.substring(0, 1 + random.nextInt(full.length() - 1)));
    }

    private String wrongType() {
        String bad = pick("{}", "[]", "[1]", "{\"a\":1}", "1.5", "-2.5e3", "true", "false");
        return switch (random.nextInt(6)) {
            case 0 -> "{\"messages\":" + pick("\"x\"", "5", "-5", "true", "null", "[[]]", "[\"x\"]", "[5]", "[true]")
                      + "}";
            case 1 -> report("batchID", bad);
            case 2 -> report("msgID", bad);
            case 3 -> report("status", pick("{}", "[]", "[\"0\"]", "{\"code\":\"0\"}"));
            case 4 -> report("point", pick("\"abc\"", "{}", "[]", "\"3 points\"", "\"\u4e09\""));
            default -> report("statusTime", pick("{}", "[]", "[\"20200828162035\"]"));
        };
    }

    private String hugeNumber() {
        StringBuilder digits = new StringBuilder("9");
        int length = 20 + random.nextInt(random.nextBoolean() ? 100 : 5_000);
        for (int i = 1; i < length; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        String sign = random.nextBoolean() ? "-" : "";
        return switch (random.nextInt(4)) {
            // no int holds these
            case 0 -> report("point", sign + digits);
            case 1 -> report("point", sign + "1e" + (300 + random.nextInt(5_000)));
            // ids are integers or strings, never floating point
            case 2 -> report("batchID", sign + digits + ".5");
            default -> report("msgID", sign + "1e" + (20 + random.nextInt(400)));
        };
    }

    private String deepNesting() {
        int depth = 50 + random.nextInt(random.nextBoolean() ? 900 : 20_000);
        StringBuilder sb = new StringBuilder(depth * 6 + 64);
        boolean arrays = random.nextBoolean();
        if (random.nextBoolean()) {
            sb.append("{\"messages\":");
            sb.append((arrays ? "[" : "{\"a\":").repeat(depth)).append("1").append((arrays ? "]" : "}").repeat(depth));
            sb.append('}');
        } else {
            sb.append("{\"messages\":[{\"batchID\":1,\"msgID\":");
            sb.append("{\"a\":".repeat(depth)).append("2").append("}".repeat(depth));
            sb.append(",\"status\":\"0\"}]}");
        }
        return sb.toString();
    }

    private byte[] whitespace(int n) {
        // every 25th of these (one in 250 bodies) is megabytes, over maxBodySize: 413; the others blank: 400
        int size = (n / KINDS.length) % 25 == 0 ? 1_100_000 + random.nextInt(2_000_000) : 1 + random.nextInt(200_000);
        byte[] b = new byte[size];
        byte[] ws = { ' ', '\t', '\r', '\n' };
        for (int i = 0; i < size; i++) {
            b[i] = ws[random.nextInt(ws.length)];
        }
        return b;
    }

    private byte[] invalidUtf8() {
        byte[][] bad = { { (byte) 0xFF }, { (byte) 0xFE }, { (byte) 0xC3, 0x28 }, { (byte) 0x80 },
                         { (byte) 0xC0, (byte) 0xAF }, { (byte) 0xE2, (byte) 0x82 }, { (byte) 0xF8, (byte) 0x88,
                                                                                       (byte) 0x80, (byte) 0x80,
                                                                                       (byte) 0x80 },
                         { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 },
                         { (byte) 0xED, (byte) 0xA0, (byte) 0x80 } };
        byte[] seq = bad[random.nextInt(bad.length)];
        lastKind = "invalid-utf8/" + java.util.HexFormat.of().formatHex(seq);
        String field = pick("batchID", "msgID", "status");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "{\"messages\":[{\"batchID\":\"1\",\"msgID\":\"2\",\"status\":\"0\",\"" + field + "\":\"a";
        out.writeBytes(utf8(head));
        out.writeBytes(seq);
        out.writeBytes(utf8("b\"}]}"));
        return out.toByteArray();
    }

    private String missingField() {
        return pick("{\"messages\":[]}", "{\"messages\":[{}]}", "{\"messages\":[{\"batchID\":1,\"msgID\":2}]}",
                "{\"messages\":[{\"batchID\":1,\"status\":\"0\"}]}", "{\"messages\":[{\"msgID\":2,\"status\":\"0\"}]}",
                "{\"messages\":[{\"batchID\":\"\",\"msgID\":2,\"status\":\"0\"}]}",
                "{\"messages\":[{\"batchID\":1,\"msgID\":\"  \",\"status\":\"0\"}]}",
                "{\"messages\":[{\"batchID\":1,\"msgID\":2,\"status\":null}]}", "{\"batchID\":1,\"msgID\":2}");
    }

    private String report(String field, String value) {
        String r = GOOD.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[0-9]+)", "\"" + field + "\":"
                                                                              + java.util.regex.Matcher.quoteReplacement(value));
        return "{\"messages\":[" + r + "]}";
    }

    private String pick(String... values) {
        return values[random.nextInt(values.length)];
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
