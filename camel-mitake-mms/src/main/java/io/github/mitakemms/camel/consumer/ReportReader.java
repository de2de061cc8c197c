package io.github.mitakemms.camel.consumer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.mitakemms.camel.json.MitakeMmsJson;
import io.github.mitakemms.camel.model.CallbackRequest;
import io.github.mitakemms.camel.model.DeliveryReport;

/**
 * Turns the body of a callback into its delivery reports, or refuses it with a 400 that names what is wrong. The body is
 * read as leniently as the rest of the API (trailing commas, ids as numbers or strings, numbers as strings, unknown
 * fields), ids keep every digit, and every report must have a batchID, a msgID and a status. A report without them, or
 * with a value of the wrong type, is unreadable; the others are read all the same. The reasons never quote the body, so
 * they can be logged.
 */
final class ReportReader {

    /**
     * Binds one report from the tree of the body as {@link MitakeMmsJson} binds it in the whole body (unknown fields
     * ignored; the ids' own readers take integers and strings only). From the tree, not from its text: a number beyond
     * a double (1e400) is in the tree as infinity, which its text would turn into a string.
     */
    private static final ObjectReader REPORT = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build()
            .readerFor(DeliveryReport.class);

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

    /**
     * Reads the reports of a callback body: every readable one, and every unreadable one with the reason and its JSON.
     * The whole body is bound in one pass; only when that fails on a value of the wrong shape, or finds a report that is
     * not complete, is each report read on its own.
     *
     * @throws CallbackRejectedException 400 when the body holds no readable report: not JSON, not a callback, or every
     *                                   report unreadable
     */
    static CallbackReports read(byte[] body) throws CallbackRejectedException {
        if (isBlank(body)) {
            throw CallbackRejectedException.badRequest(
                    "the body is empty; expected a JSON object with a messages array of delivery reports");
        }
        if (!isUtf8(body)) {
            // the JSON parser decodes some invalid sequences (overlong forms, surrogates) instead of refusing them
            throw CallbackRejectedException.badRequest("the body is not valid UTF-8");
        }
        // one pass straight into the model for the usual body
        CallbackRequest request;
        try {
            request = MitakeMmsJson.read(body, CallbackRequest.class);
        } catch (DatabindException e) {
            // a syntax error (a truncated body) also stops the data binder: a body that is JSON is read report by report
            return eachReport(tree(body));
        } catch (StreamReadException e) {
            throw CallbackRejectedException.badRequest("the body is not valid JSON" + at(e.getLocation()));
        } catch (IOException | IllegalArgumentException e) {
            throw CallbackRejectedException.badRequest("the body cannot be read as JSON");
        }
        if (request == null) {
            throw notACallback("expected a JSON object with a messages array");
        }
        List<DeliveryReport> reports = request.getMessages();
        if (reports == null) {
            throw notACallback("it has no messages array");
        }
        if (reports.isEmpty()) {
            throw CallbackRejectedException.badRequest("the messages array is empty: no delivery report to process");
        }
        for (DeliveryReport report : reports) {
            if (report == null || !missing(report).isEmpty()) {
                return eachReport(tree(body));
            }
        }
        return new CallbackReports(List.copyOf(reports), List.of());
    }

    /** The body as a JSON tree, or a 400 that tells where it breaks JSON's syntax. */
    private static JsonNode tree(byte[] body) throws CallbackRejectedException {
        try {
            return MitakeMmsJson.read(body, JsonNode.class);
        } catch (StreamReadException e) {
            throw CallbackRejectedException.badRequest("the body is not valid JSON" + at(e.getLocation()));
        } catch (IOException | IllegalArgumentException e) {
            throw CallbackRejectedException.badRequest("the body cannot be read as JSON");
        }
    }

    /** Reads each report of the messages array on its own, so that one unreadable report does not hide the others. */
    private static CallbackReports eachReport(JsonNode root) throws CallbackRejectedException {
        if (root == null || !root.isObject()) {
            throw notACallback("expected a JSON object with a messages array");
        }
        JsonNode messages = root.get("messages");
        if (messages == null || messages.isNull()) {
            throw notACallback("it has no messages array");
        }
        // a single report without array is read as an array of one, as the whole-body binding does
        List<JsonNode> elements = new ArrayList<>();
        if (messages.isArray()) {
            messages.forEach(elements::add);
        } else {
            elements.add(messages);
        }
        if (elements.isEmpty()) {
            throw CallbackRejectedException.badRequest("the messages array is empty: no delivery report to process");
        }
        List<DeliveryReport> readable = new ArrayList<>(elements.size());
        List<CallbackReports.Unreadable> unreadable = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            String json = element.toString();
            String problem;
            if (element.isNull()) {
                problem = "messages[" + i + "] is null";
            } else if (!element.isObject()) {
                problem = "messages[" + i + "] is not a JSON object";
            } else {
                problem = null;
                try {
                    DeliveryReport report = REPORT.readValue(element);
                    List<String> missing = missing(report);
                    if (missing.isEmpty()) {
                        readable.add(report);
                    } else {
                        problem = "messages[" + i + "] has no " + String.join(", ", missing);
                    }
                } catch (DatabindException e) {
                    problem = "unexpected value at " + path("messages[" + i + "]", e);
                } catch (IOException | IllegalArgumentException e) {
                    problem = "messages[" + i + "] cannot be read";
                }
            }
            if (problem != null) {
                unreadable.add(new CallbackReports.Unreadable(i, elements.size(), problem, json));
            }
        }
        if (readable.isEmpty()) {
            List<String> problems = unreadable.stream().map(CallbackReports.Unreadable::problem).toList();
            throw CallbackRejectedException.badRequest(
                    "not a delivery report: " + String.join("; ", problems.subList(0, Math.min(5, problems.size())))
                                                       + (problems.size() > 5 ? "; and " + (problems.size() - 5) + " more" : ""));
        }
        return new CallbackReports(List.copyOf(readable), List.copyOf(unreadable));
    }

    /** The fields every report needs that this one lacks or has blank. */
    private static List<String> missing(DeliveryReport report) {
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
        return missing;
    }

    private static CallbackRejectedException notACallback(String why) {
        return CallbackRejectedException.badRequest("the body is not a callback of delivery reports: " + why);
    }

    /** The JSON path of a value of the wrong type, such as messages[0].point, without the value itself. */
    private static String path(String element, DatabindException e) {
        StringBuilder path = new StringBuilder(element);
        if (e instanceof JsonMappingException mapping) {
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append('.').append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
        }
        return path.toString();
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
