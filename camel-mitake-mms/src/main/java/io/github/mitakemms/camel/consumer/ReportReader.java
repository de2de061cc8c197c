package io.github.mitakemms.camel.consumer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.github.mitakemms.camel.json.MitakeMmsJson;
import io.github.mitakemms.camel.model.CallbackRequest;
import io.github.mitakemms.camel.model.DeliveryReport;

/**
 * Turns the body of a callback into its delivery reports, or refuses it with a 400 that names what is wrong. The body is
 * read as leniently as the rest of the API (trailing commas, ids as numbers or strings, numbers as strings, unknown
 * fields), ids keep every digit, and every report must have a batchID, a msgID and a status. The reasons never quote
 * the body, so they can be logged.
 */
final class ReportReader {

    private ReportReader() {
    }

    /**
     * Whether the bytes are well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
     * Allocates nothing; an ASCII body is one pass of comparisons.
     */
    static boolean isUtf8(byte[] b) {
        int i = 0;
        int n = b.length;
        while (i < n) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int min2;
            int max2 = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
                min2 = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                min2 = c == 0xE0 ? 0xA0 : 0x80;
                max2 = c == 0xED ? 0x9F : 0xBF;
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                min2 = c == 0xF0 ? 0x90 : 0x80;
                max2 = c == 0xF4 ? 0x8F : 0xBF;
            } else {
                return false;
            }
            if (i + need >= n) {
                return false;
            }
            int second = b[i + 1] & 0xFF;
            if (second < min2 || second > max2) {
                return false;
            }
            for (int k = 2; k <= need; k++) {
                if ((b[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += need + 1;
        }
        return true;
    }

    static List<DeliveryReport> read(byte[] body) throws CallbackRejectedException {
        if (isBlank(body)) {
            throw CallbackRejectedException.badRequest(
                    "the body is empty; expected a JSON object with a messages array of delivery reports");
        }
        if (!isUtf8(body)) {
            // the JSON parser decodes some invalid sequences (overlong forms, surrogates) instead of refusing them
            throw CallbackRejectedException.badRequest("the body is not valid UTF-8");
        }
        // one pass straight into the model: a syntax error is told apart from a value of the wrong shape
        CallbackRequest request;
        try {
            request = MitakeMmsJson.read(body, CallbackRequest.class);
        } catch (DatabindException e) {
            // the data binder also stops at a syntax error (a truncated body): tell which it was
            String syntax = syntaxError(body);
            throw CallbackRejectedException.badRequest(syntax != null
                    ? "the body is not valid JSON" + syntax
                    : "the body is not a callback of delivery reports: " + wrongShape(e));
        } catch (StreamReadException e) {
            throw CallbackRejectedException.badRequest("the body is not valid JSON" + at(e.getLocation()));
        } catch (IOException | IllegalArgumentException e) {
            throw CallbackRejectedException.badRequest("the body cannot be read as JSON");
        }
        if (request == null) {
            throw CallbackRejectedException.badRequest(
                    "the body is not a callback of delivery reports: expected a JSON object with a messages array");
        }
        if (request.getMessages() == null) {
            throw CallbackRejectedException.badRequest(
                    "the body is not a callback of delivery reports: it has no messages array");
        }
        List<DeliveryReport> reports = request.getMessages();
        if (reports.isEmpty()) {
            throw CallbackRejectedException.badRequest("the messages array is empty: no delivery report to process");
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            DeliveryReport report = reports.get(i);
            if (report == null) {
                problems.add("messages[" + i + "] is null");
                continue;
            }
            List<String> missing = new ArrayList<>(3);
            if (isBlank(report.getBatchId())) {
                missing.add("batchID");
            }
            if (isBlank(report.getMsgId())) {
                missing.add("msgID");
            }
            if (isBlank(report.getStatus())) {
                missing.add("status");
            }
            if (!missing.isEmpty()) {
                problems.add("messages[" + i + "] has no " + String.join(", ", missing));
            }
        }
        if (!problems.isEmpty()) {
            throw CallbackRejectedException.badRequest(
                    "not a delivery report: " + String.join("; ", problems.subList(0, Math.min(5, problems.size())))
                                                       + (problems.size() > 5 ? "; and " + (problems.size() - 5) + " more" : ""));
        }
        return List.copyOf(reports);
    }

    /** Where the body breaks JSON's syntax, or null when it is well-formed JSON. Read only for refused bodies. */
    private static String syntaxError(byte[] body) {
        try {
            MitakeMmsJson.read(body, JsonNode.class);
            return null;
        } catch (StreamReadException e) {
            return at(e.getLocation());
        } catch (IOException e) {
            return "";
        }
    }

    /** The JSON path of a value of the wrong type, such as messages[0].point, without the value itself. */
    private static String wrongShape(DatabindException e) {
        StringBuilder path = new StringBuilder();
        if (e instanceof JsonMappingException mapping) {
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    if (path.length() > 0) {
                        path.append('.');
                    }
                    path.append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
        }
        if (path.length() == 0) {
            return "expected a JSON object with a messages array";
        }
        return "unexpected value at " + path;
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
