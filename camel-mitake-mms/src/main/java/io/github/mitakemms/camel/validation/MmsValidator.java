package io.github.mitakemms.camel.validation;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.github.mitakemms.camel.exception.MitakeMmsValidationException;
import io.github.mitakemms.camel.model.ApiCode;
import io.github.mitakemms.camel.model.Attachment;
import io.github.mitakemms.camel.model.AttachmentTypes;
import io.github.mitakemms.camel.model.Destination;
import io.github.mitakemms.camel.model.MmsMessage;

/**
 * Checks a push against every field limit of the API before anything is sent, so that a message the gateway would
 * refuse fails at once with the field, the rule and the code the gateway would have answered with. A destination whose
 * phone number the gateway would refuse on its own (Attachment 2: 2009, 2010, 2011) does not fail the push: it is
 * returned as refused, and the others can be sent, as the gateway itself would do.
 */
public final class MmsValidator {

    public static final int SUBJECT_MAX_ASCII = 40;
    public static final int SUBJECT_MAX_OTHER = 15;
    public static final int ATTACH_NAME_MAX = 50;
    public static final int PROJECT_NAME_MAX = 36;
    public static final int CID_MAX = 36;
    /** The longest phone number taken: an international number of 15 digits with its + and a few digits of margin. */
    public static final int PHONE_MAX = 20;
    /** Up to this many destinations, repeated cIDs are looked for without a map. */
    private static final int FEW_DESTINATIONS = 8;

    private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);

    private MmsValidator() {
    }

    /**
     * @param  maxPayloadSize              the limit of subject + content + base64 attachments, in UTF-8 bytes
     * @return                             the destinations refused for their phone number, by position, in order; empty
     *                                     when every destination can be sent
     * @throws MitakeMmsValidationException for the first rule broken by the message, by a cID, or by every destination
     */
    public static SortedMap<Integer, ApiCode> validate(MmsMessage msg, int maxPayloadSize) {
        subject(msg.getSubject());
        if (msg.getProjectName() != null && length(msg.getProjectName()) > PROJECT_NAME_MAX) {
            fail("projectName", "at most " + PROJECT_NAME_MAX + " characters, was " + length(msg.getProjectName()),
                    ApiCode.PROJECT_NAME_TOO_LONG);
        }
        LocalDateTime order = time("orderTime", msg.getOrderTime(), ApiCode.ORDER_TIME_FORMAT, ApiCode.ORDER_TIME_INVALID);
        LocalDateTime expire = time("expireTime", msg.getExpireTime(), ApiCode.EXPIRE_TIME_FORMAT, ApiCode.EXPIRE_TIME_INVALID);
        if (order != null && expire != null && !expire.isAfter(order)) {
            fail("expireTime", "must be after orderTime " + msg.getOrderTime() + ", was " + msg.getExpireTime(), ApiCode.EXPIRE_TIME_INVALID);
        }
        attachments(msg.getAttachments());
        payload(msg, maxPayloadSize);
        attachmentContents(msg.getAttachments());
        return destinations(msg.getDestinations());
    }

    private static void subject(String subject) {
        if (subject == null || subject.isBlank()) {
            fail("subject", "is required", ApiCode.SUBJECT_MISSING);
        }
        int length = length(subject);
        boolean ascii = true;
        for (int i = 0; i < subject.length() && ascii; i++) {
            char c = subject.charAt(i);
            ascii = c >= 0x20 && c < 0x7F;
        }
        int max = ascii ? SUBJECT_MAX_ASCII : SUBJECT_MAX_OTHER;
        if (length > max) {
            fail("subject", ascii
                    ? "at most " + SUBJECT_MAX_ASCII + " characters when all printable ASCII, was " + length
                    : "at most " + SUBJECT_MAX_OTHER + " characters once it holds any character other than printable "
                      + "ASCII (such as Chinese), was " + length,
                    ApiCode.SUBJECT_TOO_LONG);
        }
    }

    private static LocalDateTime time(String field, String value, ApiCode formatCode, ApiCode dateCode) {
        if (value == null) {
            return null;
        }
        if (value.length() != 14 || !digits(value, 0)) {
            fail(field, "format yyyyMMddHHmmss (14 digits), was '" + value + "'", formatCode);
        }
        try {
            return LocalDateTime.parse(value, STRICT);
        } catch (DateTimeParseException e) {
            fail(field, "must be a real date and time yyyyMMddHHmmss, was '" + value + "'", dateCode);
            return null;
        }
    }

    private static void attachments(List<Attachment> attachments) {
        if (attachments == null || attachments.isEmpty()) {
            fail("attachments", "at least one attachment is required", ApiCode.ATTACHMENT_MISSING);
        }
        for (int i = 0; i < attachments.size(); i++) {
            Attachment a = attachments.get(i);
            if (a == null) {
                fail("attachments[" + i + "]", "must not be null, at least one attachment is required", ApiCode.ATTACHMENT_MISSING);
            }
            if (a.getContentLength() == 0) {
                fail(field("attachments", i, "attachContent"), "is required (the file's bytes, base64-encoded)",
                        ApiCode.ATTACH_CONTENT_MISSING);
            }
            if (a.getAttachType() == null || a.getAttachType().isBlank()) {
                fail(field("attachments", i, "attachType"), "is required (jpg, jpeg, png, gif or mp3)",
                        ApiCode.ATTACH_TYPE_MISSING);
            }
            if (a.getAttachName() == null || a.getAttachName().isBlank()) {
                fail(field("attachments", i, "attachName"), "is required", ApiCode.ATTACH_NAME_MISSING);
            }
            if (length(a.getAttachName()) > ATTACH_NAME_MAX) {
                fail(field("attachments", i, "attachName"), "at most " + ATTACH_NAME_MAX + " characters, was " + length(a.getAttachName()),
                        ApiCode.ATTACH_NAME_TOO_LONG);
            }
            String type = a.getAttachType().toLowerCase(Locale.ROOT);
            if (!AttachmentTypes.SUPPORTED.contains(type)) {
                fail(field("attachments", i, "attachType"), "one of jpg, jpeg, png, gif, mp3, was '" + a.getAttachType() + "'", ApiCode.ATTACHMENT_INVALID);
            }
        }
    }

    /** Checks that every attachContent is base64 of a file of its attachType; run after the size check. */
    private static void attachmentContents(List<Attachment> attachments) {
        for (int i = 0; i < attachments.size(); i++) {
            Attachment a = attachments.get(i);
            String type = a.getAttachType().toLowerCase(Locale.ROOT);
            // content the component encoded, or checked before and not set since, is not checked again
            int bad = a.checkBase64();
            if (bad >= 0) {
                fail(field("attachments", i, "attachContent"), "must be base64 (alphabet A-Z a-z 0-9 + /, padded with = to a multiple of 4 characters, "
                        + "no line breaks), "
                        + (bad < a.getContentLength()
                                ? "the character at position " + bad + " is not"
                                : "its length " + a.getContentLength() + " is not a multiple of 4"),
                        ApiCode.ATTACHMENT_INVALID);
            }
            byte[] head = a.leadingBytes();
            String sniffed = AttachmentTypes.sniff(head, head.length);
            if (!AttachmentTypes.sameType(type, sniffed)) {
                fail(field("attachments", i, "attachContent"), "content must be " + type + " as attachType says, but its leading bytes "
                        + (sniffed == null ? "are none of jpg, png, gif, mp3" : "show " + sniffed),
                        ApiCode.ATTACHMENT_INVALID);
            }
        }
    }

    private static void payload(MmsMessage msg, int max) {
        long size = utf8Length(msg.getSubject()) + utf8Length(msg.getContent());
        for (Attachment a : msg.getAttachments()) {
            size += a.getContentLength();
        }
        if (size > max) {
            fail("attachments", "subject + content + base64 attachContent at most " + max + " bytes (UTF-8), was "
                                + size,
                    ApiCode.PAYLOAD_TOO_LARGE);
        }
    }

    /** The position of the first destination before i with the same cID, or null. */
    private static Integer earlierCid(List<Destination> destinations, int i, String cId) {
        for (int j = 0; j < i; j++) {
            Destination d = destinations.get(j);
            if (d != null && cId.equals(d.getCId())) {
                return j;
            }
        }
        return null;
    }

    private static SortedMap<Integer, ApiCode> destinations(List<Destination> destinations) {
        if (destinations == null || destinations.isEmpty()) {
            fail("destinations", "at least one destination (to) is required", ApiCode.NUMBER_MISSING);
        }
        SortedMap<Integer, ApiCode> refused = Collections.emptySortedMap();
        String firstField = null;
        String firstProblem = null;
        // a few destinations are checked against each other, more through a map
        Map<String, Integer> cIds = destinations.size() > FEW_DESTINATIONS ? new HashMap<>() : null;
        for (int i = 0; i < destinations.size(); i++) {
            Destination d = destinations.get(i);
            String to = d == null ? null : d.getTo();
            ApiCode code = null;
            if (to == null || to.isBlank()) {
                code = ApiCode.NUMBER_MISSING;
            } else if (to.length() > PHONE_MAX) {
                code = ApiCode.NUMBER_TOO_LONG;
            } else if (!isPhone(to)) {
                code = ApiCode.NUMBER_INVALID;
            }
            if (code != null) {
                if (refused.isEmpty()) {
                    refused = new TreeMap<>();
                    firstField = field("destinations", i, "to");
                    firstProblem = numberProblem(code, to);
                }
                refused.put(i, code);
            }
            String cId = d == null ? null : d.getCId();
            if (cId != null && !cId.isEmpty()) {
                if (length(cId) > CID_MAX) {
                    fail(field("destinations", i, "cID"), "at most " + CID_MAX + " characters, was " + length(cId), ApiCode.CID_TOO_LONG);
                }
                Integer earlier = cIds != null ? cIds.putIfAbsent(cId, i) : earlierCid(destinations, i, cId);
                if (earlier != null) {
                    fail(field("destinations", i, "cID"), "must be unique in the push, repeats the cID of destinations[" + earlier + "]",
                            ApiCode.CID_DUPLICATE);
                }
            }
        }
        if (refused.size() == destinations.size()) {
            fail(firstField, firstProblem + (destinations.size() > 1 ? " (and no destination of the push is valid)" : ""),
                    refused.get(refused.firstKey()));
        }
        return refused;
    }

    /** The rule a refused number broke, for the message when no destination can be sent. */
    private static String numberProblem(ApiCode code, String to) {
        return switch (code) {
            case NUMBER_MISSING -> "a phone number is required";
            case NUMBER_TOO_LONG -> "at most " + PHONE_MAX + " characters, was " + to.length();
            default -> "digits with an optional leading +";
        };
    }

    private static boolean isPhone(String to) {
        int start = to.startsWith("+") ? 1 : 0;
        return to.length() > start && digits(to, start);
    }

    private static boolean digits(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The name of a field of one element of a list, made only for a message. */
    private static String field(String list, int index, String name) {
        return list + "[" + index + "]." + name;
    }

    private static int length(String s) {
        return s == null ? 0 : s.codePointCount(0, s.length());
    }

    private static long utf8Length(String s) {
        if (s == null) {
            return 0;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                // a lone surrogate is written as '?', one byte, as String.getBytes does
                n += Character.isSurrogate(c) ? 1 : 3;
            }
        }
        return n;
    }

    private static void fail(String field, String rule, ApiCode code) {
        throw new MitakeMmsValidationException(field, rule, code.code(), code.text());
    }
}
