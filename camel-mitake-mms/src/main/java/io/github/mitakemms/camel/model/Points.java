package io.github.mitakemms.camel.model;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * JSON handling of point, costPoints and accountPoints. The spec shows whole numbers, but nothing says they stay whole:
 * they are read as exact decimals, never truncated, from a JSON number or a numeric string. A value no account can
 * have (more than 18 digits before the point or 6 after it, such as 1e5000) is refused as not a number of points,
 * rather than kept for a later {@code toPlainString()} to expand.
 */
public final class Points {

    static final int MAX_INTEGER_DIGITS = 18;
    static final int MAX_FRACTION_DIGITS = 6;

    private Points() {
    }

    /**
     * The points at the parser's current token: a JSON number, or a string holding one (blank is null); null for JSON
     * null. The scale is never negative, so {@code toPlainString()} shows the digits as they were sent.
     *
     * @throws MismatchedInputException for any other token, for a string that is not a number, and for a value with more
     *                                  digits than a number of points has
     */
    public static BigDecimal read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        BigDecimal value;
        if (t == JsonToken.VALUE_NULL) {
            return null;
        } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            value = p.getDecimalValue();
        } else if (t == JsonToken.VALUE_STRING) {
            String text = p.getText().trim();
            if (text.isEmpty()) {
                return null;
            }
            try {
                value = new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw InvalidFormatException.from(p, "not a number of points (field " + p.currentName() + ")", text,
                        BigDecimal.class);
            }
        } else {
            throw MismatchedInputException.from(p, BigDecimal.class,
                    "points must be a JSON number or a numeric string, was " + t + " (field " + p.currentName() + ")");
        }
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS || value.scale() > MAX_FRACTION_DIGITS) {
            throw InvalidFormatException.from(p, "more digits than a number of points has (field " + p.currentName() + ")",
                    value, BigDecimal.class);
        }
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /** {@link #read(JsonParser)} for the mapper. */
    public static final class Reader extends StdScalarDeserializer<BigDecimal> {

        private static final long serialVersionUID = 1L;

        public Reader() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return read(p);
        }
    }
}
