package io.github.mitakemms.camel.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.github.mitakemms.camel.model.Ids;
import io.github.mitakemms.camel.model.MessageResult;
import io.github.mitakemms.camel.model.Points;
import io.github.mitakemms.camel.model.PushResponse;

/**
 * Reads the answer to a push, which comes back for every call, with Jackson's streaming parser instead of the mapper,
 * whose context and reflective setters cost more than the reading itself on a small push. It reads what the mapper
 * reads, with the same leniency: unknown fields skipped, a single message in place of the array, ids by
 * {@link Ids#read}, points by {@link Points#read}, a number or a boolean where text is expected taken as its text. It
 * refuses a message that is JSON null, which the mapper would have put in the list. The other answers are rare and
 * stay with the mapper.
 */
final class PushResponseReader {

    private PushResponseReader() {
    }

    /** The response the parser holds, or null when it holds JSON null. */
    static PushResponse read(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_OBJECT) {
            throw MismatchedInputException.from(p, PushResponse.class,
                    t == null ? "no content" : "a push response must be a JSON object, was " + t);
        }
        PushResponse response = new PushResponse();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "batchID" -> response.setBatchId(Ids.read(p));
                case "messages" -> response.setMessages(messages(p));
                case "costPoints" -> response.setCostPoints(Points.read(p));
                case "accountPoints" -> response.setAccountPoints(Points.read(p));
                case "code" -> response.setCode(text(p));
                case "description" -> response.setDescription(text(p));
                default -> p.skipChildren();
            }
        }
        return response;
    }

    private static List<MessageResult> messages(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        List<MessageResult> messages = new ArrayList<>();
        if (t == JsonToken.START_OBJECT) {
            messages.add(message(p));
            return messages;
        }
        if (t != JsonToken.START_ARRAY) {
            throw MismatchedInputException.from(p, List.class, "messages must be a JSON array of objects, was " + t);
        }
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw MismatchedInputException.from(p, MessageResult.class,
                        "messages[" + messages.size() + "] must be a JSON object, was " + t);
            }
            messages.add(message(p));
        }
        return messages;
    }

    private static MessageResult message(JsonParser p) throws IOException {
        MessageResult m = new MessageResult();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "msgID" -> m.setMsgId(Ids.read(p));
                case "cID" -> m.setCId(text(p));
                case "status" -> m.setStatus(text(p));
                case "statusDesc" -> m.setStatusDesc(text(p));
                case "statusTime" -> m.setStatusTime(text(p));
                case "point" -> m.setPoint(Points.read(p));
                case "batchID" -> m.setBatchId(Ids.read(p));
                default -> p.skipChildren();
            }
        }
        return m;
    }

    /** Text as the mapper reads it into a String: a string, or the text of a number or boolean; null for JSON null. */
    private static String text(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT
                || t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return p.getText();
        }
        throw MismatchedInputException.from(p, String.class,
                "field " + p.currentName() + " must be a JSON string, was " + t);
    }
}
