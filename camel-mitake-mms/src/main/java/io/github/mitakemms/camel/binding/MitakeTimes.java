package io.github.mitakemms.camel.binding;

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
     * Formats a time value: a String is passed through as written; {@link LocalDateTime} and {@link LocalDate} are
     * taken as local to the zone; {@link Instant}, {@link ZonedDateTime}, {@link OffsetDateTime}, {@link Date} and
     * {@link Calendar} are converted to the zone.
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
        LocalDateTime local;
        if (value instanceof LocalDateTime ldt) {
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
            local = LocalDateTime.ofInstant(d.toInstant(), zone);
        } else if (value instanceof Calendar c) {
            local = LocalDateTime.ofInstant(c.toInstant(), zone);
        } else {
            throw new IllegalArgumentException("mitake-mms " + field + " must be a String yyyyMMddHHmmss or a java.time/"
                                               + "java.util.Date value, was " + value.getClass().getName());
        }
        return FORMAT.format(local);
    }
}
