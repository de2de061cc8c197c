package io.github.mitakemms.camel.model;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

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

    public static final class Reader extends StdScalarDeserializer<BigDecimal> {

        private static final long serialVersionUID = 1L;

        public Reader() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            BigDecimal value;
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                value = p.getDecimalValue();
            } else if (t == JsonToken.VALUE_STRING) {
                String text = p.getText().trim();
                if (text.isEmpty()) {
                    return null;
                }
                try {
                    value = new BigDecimal(text);
                } catch (NumberFormatException e) {
                    return (BigDecimal) ctxt.handleWeirdStringValue(BigDecimal.class, text, "not a number of points");
                }
            } else {
                return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
            }
            if (value.precision() - value.scale() > MAX_INTEGER_DIGITS || value.scale() > MAX_FRACTION_DIGITS) {
                return (BigDecimal) ctxt.handleWeirdNumberValue(BigDecimal.class, value,
                        "more digits than a number of points has");
            }
            return value.scale() < 0 ? value.setScale(0) : value;
        }
    }
}
