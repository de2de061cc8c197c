package io.github.mitakemms.camel.binding;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.Date;

/**
 * Turns time values into the API's {@code yyyyMMddHHmmss}.
 */
public final class MitakeTimes {

    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private MitakeTimes() {
    }

    /**
     * Formats a time value: a String is passed through as written (trimmed), and so is a whole number such as
     * {@code 20240101120000L} (what JSON or a numeric column gives); {@link LocalDateTime}, {@link LocalDate} and
     * {@link java.sql.Date} are taken as local to the zone; {@link Instant}, {@link ZonedDateTime},
     * {@link OffsetDateTime}, {@link Date} (and {@link java.sql.Timestamp}) and {@link Calendar} are converted to the
     * zone. Fractions of a second are dropped.
     *
     * @throws IllegalArgumentException for any other type, naming the field
     */
    public static String format(String field, Object value, ZoneId zone) {
        if (value == null) {
            return null;
        }
        if (value instanceof CharSequence s) {
            String text = s.toString().trim();
            return text.isEmpty() ? null : text;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof BigDecimal bd && bd.signum() >= 0 && bd.stripTrailingZeros().scale() <= 0) {
            return bd.toBigInteger().toString();
        }
        LocalDateTime local;
        if (value instanceof java.sql.Date sqlDate) {
            // a date without a time of day: java.sql.Date cannot give an Instant
            local = sqlDate.toLocalDate().atStartOfDay();
        } else if (value instanceof java.sql.Time) {
            throw new IllegalArgumentException("mitake-mms " + field + " must be a date and time, a java.sql.Time has "
                                               + "no date; give a String yyyyMMddHHmmss or a java.time/java.util.Date value");
        } else if (value instanceof LocalDateTime ldt) {
            local = ldt;
        } else if (value instanceof LocalDate ld) {
            local = ld.atStartOfDay();
        } else if (value instanceof Instant i) {
            local = LocalDateTime.ofInstant(i, zone);
        } else if (value instanceof ZonedDateTime z) {
            local = z.withZoneSameInstant(zone).toLocalDateTime();
        } else if (value instanceof OffsetDateTime o) {
            local = o.atZoneSameInstant(zone).toLocalDateTime();
        } else if (value instanceof Date d) {
            local = LocalDateTime.ofInstant(Instant.ofEpochMilli(d.getTime()), zone);
        } else if (value instanceof Calendar c) {
            local = LocalDateTime.ofInstant(c.toInstant(), zone);
        } else {
            throw new IllegalArgumentException("mitake-mms " + field + " must be a String yyyyMMddHHmmss or a java.time/"
                                               + "java.util.Date/java.util.Calendar value, was " + value.getClass().getName());
        }
        return FORMAT.format(local);
    }
}
