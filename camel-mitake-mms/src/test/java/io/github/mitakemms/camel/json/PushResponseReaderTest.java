package io.github.mitakemms.camel.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JacksonException;
import io.github.mitakemms.camel.model.PushResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The push answer's streaming reader reads what the mapper reads from the annotated model: the same values, and a
 * failure where the mapper fails, for every field given every kind of JSON value and for answers of every shape.
 */
class PushResponseReaderTest {

    private static final String MESSAGE = "{\"msgID\":304934980000714750,\"cID\":\"c1\",\"status\":\"1\","
                                          + "\"statusDesc\":\"已送達三竹\",\"statusTime\":\"20200505160000\",\"point\":3}";
    private static final String ANSWER = "{\"batchID\":304934976469110800,\"messages\":[" + MESSAGE + "," + MESSAGE
                                         + "],\"costPoints\":6,\"accountPoints\":9994}";

    /** Every kind of JSON value, and the gateway's own: a bare UUID and a zero-padded number. */
    private static final String[] VALUES = {
            "\"x\"", "\" 12 \"", "\"\"", "\"  \"", "12", "-3", "0", "3.50", "1e3", "1e5000", "123456789012345678901",
            "true", "false", "null", "{}", "{\"a\":1}", "[]", "[\"a\"]", "[1,2]", "11111111-2222-3333-4444-555555555555",
            "007", "\"已送達\"", "\"a\\\"b\\\\c\\n\""
    };

    @Test
    void readsEveryFieldGivenAnyValueAsTheMapperDoes() throws IOException {
        String[] answerFields = { "batchID", "messages", "costPoints", "accountPoints", "code", "description", "unknown" };
        String[] messageFields = { "msgID", "cID", "status", "statusDesc", "statusTime", "point", "batchID", "unknown" };
        int compared = 0;
        for (String value : VALUES) {
            for (String field : answerFields) {
                compared += compare(withField(ANSWER, field, value));
            }
            for (String field : messageFields) {
                compared += compare(ANSWER.replace(MESSAGE, withField(MESSAGE, field, value)));
            }
        }
        assertThat(compared).isEqualTo(VALUES.length * (answerFields.length + messageFields.length));
    }

    @Test
    void readsAnswersOfEveryShapeAsTheMapperDoes() throws IOException {
        List<String> bodies = new ArrayList<>(List.of(
                ANSWER,
                "{\"batchID\":11111111-2222-3333-4444-555555555555,\"messages\":[{\"msgID\":0000000001,"
                + "\"cID\":\"clientID001\",\"status\":\"1\",\"point\":3,},],}",
                "{\"code\":\"1004\",\"description\":\"token expired\"}",
                "{\"messages\":" + MESSAGE + "}",
                "{\"messages\":[]}",
                "{\"messages\":[{}]}",
                "{\"messages\":[" + MESSAGE + "],\"messages\":[]}",
                "{\"batchID\":\"1\",\"batchID\":\"2\"}",
                "{\"unknown\":{\"deep\":[{\"a\":[1,{\"b\":null}]}]},\"batchID\":\"1\"}",
                "{\"batchid\":\"1\",\"BatchID\":\"2\",\"MESSAGES\":[]}",
                "{}",
                "null",
                "  \n null \n ",
                "[]",
                "[" + ANSWER + "]",
                "\"x\"",
                "12",
                "true",
                "",
                "   ",
                "not json",
                "<html>502 Bad Gateway</html>",
                ANSWER.substring(0, ANSWER.length() / 2),
                ANSWER + " trailing",
                ANSWER + "{}",
                "{\"batchID\":\"1\",\"messages\":[" + MESSAGE,
                "{\"batchID\" \"1\"}",
                "{\"messages\":[1]}",
                "{\"messages\":[\"x\"]}",
                "{\"messages\":[[]]}"));
        for (String body : bodies) {
            compare(body);
        }
        assertThat(bodies).hasSizeGreaterThan(25);
    }

    @Test
    void refusesAMessageThatIsNullWhereTheMapperWouldListIt() throws IOException {
        byte[] body = "{\"batchID\":1,\"messages\":[null]}".getBytes(StandardCharsets.UTF_8);

        assertThat(MitakeMmsJson.readWithMapper(body, PushResponse.class).getMessages()).hasSize(1).containsOnlyNulls();
        assertThatThrownBy(() -> MitakeMmsJson.read(body, PushResponse.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("messages[0] must be a JSON object, was VALUE_NULL");
    }

    @Test
    void namesTheFieldOfAValueOfTheWrongKind() {
        assertThatThrownBy(() -> MitakeMmsJson.read(withField(ANSWER, "costPoints", "\"lots\"").getBytes(
                StandardCharsets.UTF_8), PushResponse.class))
                .isInstanceOf(JacksonException.class).hasMessageContaining("not a number of points (field costPoints)");
        assertThatThrownBy(() -> MitakeMmsJson.read(ANSWER.replace(MESSAGE, withField(MESSAGE, "msgID", "{}"))
                .getBytes(StandardCharsets.UTF_8), PushResponse.class))
                .isInstanceOf(JacksonException.class).hasMessageContaining("(field msgID)");
    }

    /** The answer with the field set to the value: replaced where it is, else added first. */
    private static String withField(String json, String field, String value) {
        String key = "\"" + field + "\":";
        int at = json.indexOf(key);
        if (at < 0) {
            return "{" + key + value + "," + json.substring(1);
        }
        int start = at + key.length();
        int end = endOfValue(json, start);
        return json.substring(0, start) + value + json.substring(end);
    }

    private static int endOfValue(String json, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return json.length();
    }

    private static int compare(String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        PushResponse expected;
        try {
            expected = MitakeMmsJson.readWithMapper(bytes, PushResponse.class);
        } catch (JacksonException e) {
            try {
                PushResponse read = MitakeMmsJson.read(bytes, PushResponse.class);
                fail("The mapper refuses " + body + " (" + e.getOriginalMessage() + "), the reader read " + read);
            } catch (JacksonException expectedToo) {
                // both refuse it
            }
            return 1;
        }
        PushResponse read = MitakeMmsJson.read(bytes, PushResponse.class);
        assertThat(read).as(body).usingRecursiveComparison().isEqualTo(expected);
        return 1;
    }
}
