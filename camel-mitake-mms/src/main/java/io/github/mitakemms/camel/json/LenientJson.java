package io.github.mitakemms.camel.json;

import java.io.ByteArrayOutputStream;

/**
 * Rewrites the few things the gateway's JSON may hold that no JSON parser reads, so that a standard parser can: bare
 * values that are not JSON numbers or literals (the spec prints a batchID as an unquoted UUID) and numbers with leading
 * zeros (msgID 0000000001) become strings, which keeps every character of an id. Trailing commas are left to the
 * parser. Returns the input itself, without copying, when nothing needs rewriting, which is the common case.
 */
final class LenientJson {

    /** Beyond this depth the input is passed through untouched: the parser refuses it anyway. */
    private static final int MAX_DEPTH = 1000;

    private LenientJson() {
    }

    static byte[] normalize(byte[] in) {
        ByteArrayOutputStream out = null;
        int copied = 0;
        boolean[] isArray = new boolean[16];
        int depth = 0;
        boolean expectValue = true;
        int i = 0;
        int n = in.length;
        while (i < n) {
            byte b = in[i];
            switch (b) {
                case '"': {
                    i = skipString(in, i);
                    expectValue = false;
                    continue;
                }
                case '{':
                case '[': {
                    if (depth == MAX_DEPTH) {
                        return in;
                    }
                    if (depth == isArray.length) {
                        isArray = java.util.Arrays.copyOf(isArray, depth * 2);
                    }
                    isArray[depth++] = b == '[';
                    expectValue = b == '[';
                    i++;
                    continue;
                }
                case '}':
                case ']': {
                    if (depth > 0) {
                        depth--;
                    }
                    expectValue = false;
                    i++;
                    continue;
                }
                case ':': {
                    expectValue = true;
                    i++;
                    continue;
                }
                case ',': {
                    expectValue = depth > 0 && isArray[depth - 1];
                    i++;
                    continue;
                }
                case ' ':
                case '\t':
                case '\r':
                case '\n': {
                    i++;
                    continue;
                }
                default:
                    break;
            }
            int end = i;
            while (end < n && isBareChar(in[end])) {
                end++;
            }
            if (end == i) {
                i++;
                continue;
            }
            if (expectValue && needsQuotes(in, i, end)) {
                if (out == null) {
                    out = new ByteArrayOutputStream(n + 16);
                }
                out.write(in, copied, i - copied);
                out.write('"');
                out.write(in, i, end - i);
                out.write('"');
                copied = end;
            }
            expectValue = false;
            i = end;
        }
        if (out == null) {
            return in;
        }
        out.write(in, copied, n - copied);
        return out.toByteArray();
    }

    private static int skipString(byte[] in, int start) {
        int i = start + 1;
        while (i < in.length) {
            byte b = in[i];
            if (b == '\\') {
                i += 2;
            } else if (b == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return in.length;
    }

    private static boolean isBareChar(byte b) {
        return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '-' || b == '+' || b == '.'
               || b == '_';
    }

    /** Whether a bare token is neither a JSON literal nor a JSON number without leading zeros. */
    static boolean needsQuotes(byte[] in, int start, int end) {
        int len = end - start;
        if (len == 4 && matches(in, start, "true") || len == 4 && matches(in, start, "null")
                || len == 5 && matches(in, start, "false")) {
            return false;
        }
        return !isPlainJsonNumber(in, start, end);
    }

    private static boolean matches(byte[] in, int start, String word) {
        for (int k = 0; k < word.length(); k++) {
            if (in[start + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
    private static boolean isPlainJsonNumber(byte[] in, int start, int end) {
        int i = start;
        if (i < end && in[i] == '-') {
            i++;
        }
        if (i >= end || !isDigit(in[i])) {
            return false;
        }
        if (in[i] == '0') {
            i++;
        } else {
            while (i < end && isDigit(in[i])) {
                i++;
            }
        }
        if (i < end && in[i] == '.') {
            i++;
            int digits = i;
            while (i < end && isDigit(in[i])) {
                i++;
            }
            if (i == digits) {
                return false;
            }
        }
        if (i < end && (in[i] == 'e' || in[i] == 'E')) {
            i++;
            if (i < end && (in[i] == '+' || in[i] == '-')) {
                i++;
            }
            int digits = i;
            while (i < end && isDigit(in[i])) {
                i++;
            }
            if (i == digits) {
                return false;
            }
        }
        return i == end;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
