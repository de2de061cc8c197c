package io.github.mitakemms.camel.binding;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.activation.DataHandler;

import io.github.mitakemms.camel.MitakeMmsConfiguration;
import io.github.mitakemms.camel.MitakeMmsConstants;
import io.github.mitakemms.camel.model.Attachment;
import io.github.mitakemms.camel.model.AttachmentTypes;
import io.github.mitakemms.camel.model.Destination;
import io.github.mitakemms.camel.model.MmsMessage;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.attachment.DefaultAttachmentMessage;
import org.apache.camel.support.ObjectHelper;
import org.apache.camel.trait.message.MessageTrait;

/**
 * Turns an exchange into the push request: the body (a {@link MmsMessage}, a Map of the API's field names, a String of
 * text content, or binary content as one attachment), completed by the headers, then by the endpoint's options, plus the
 * Camel attachments of the message. Always returns a new {@link MmsMessage} with its own destinations and attachments:
 * the exchange's body is never changed, whatever is done to the result.
 */
public final class MessageBinding {

    private MessageBinding() {
    }

    public static MmsMessage toMessage(Exchange exchange, MitakeMmsConfiguration config) throws InvalidPayloadException {
        Message in = exchange.getMessage();
        String zone = config.getTimeZone();
        Object body = in.getBody();
        MmsMessage msg = new MmsMessage();
        if (body instanceof MmsMessage m) {
            copy(m, msg);
        } else if (body instanceof Map<?, ?> map) {
            fromMap(map, msg, zone);
        } else if (body instanceof CharSequence s) {
            msg.setContent(s.toString());
        } else if (body != null && isBinary(body)) {
            msg.getAttachments().add(binaryAttachment(exchange, body));
        } else if (body != null) {
            throw new InvalidPayloadException(exchange, MmsMessage.class, in,
                    new IllegalArgumentException("mitake-mms push takes a MmsMessage, a Map, a String or binary content "
                                                 + "(byte[], File, Path, InputStream, a file of the file or ftp components), not "
                                                 + body.getClass().getName()));
        }
        fromHeaders(in, msg, zone);
        if (msg.getSubject() == null) {
            msg.setSubject(config.getSubject());
        }
        if (msg.getProjectName() == null) {
            msg.setProjectName(config.getProjectName());
        }
        addCamelAttachments(in, msg);
        return msg;
    }

    private static void copy(MmsMessage from, MmsMessage to) {
        to.setSubject(from.getSubject());
        to.setContent(from.getContent());
        to.setOrderTime(from.getOrderTime());
        to.setExpireTime(from.getExpireTime());
        to.setProjectName(from.getProjectName());
        if (from.getDestinations() != null) {
            int i = 0;
            for (Destination d : from.getDestinations()) {
                if (d == null) {
                    throw new IllegalArgumentException("mitake-mms destinations[" + i + "] is null");
                }
                to.getDestinations().add(new Destination(d.getTo(), d.getCId()));
                i++;
            }
        }
        if (from.getAttachments() != null) {
            for (Attachment a : from.getAttachments()) {
                // copied, so that nothing done to the request reaches the body
                to.getAttachments().add(a == null ? null : a.copy());
            }
        }
    }

    private static void fromMap(Map<?, ?> map, MmsMessage msg, String zone) {
        msg.setSubject(string(map.get("subject")));
        msg.setContent(string(map.get("content")));
        msg.setOrderTime(time("orderTime", map.get("orderTime"), zone));
        msg.setExpireTime(time("expireTime", map.get("expireTime"), zone));
        msg.setProjectName(string(map.get("projectName")));
        Object destinations = map.get("destinations");
        if (destinations instanceof Collection<?> list) {
            int i = 0;
            for (Object d : list) {
                if (d instanceof Destination dest) {
                    msg.getDestinations().add(new Destination(dest.getTo(), dest.getCId()));
                } else if (d instanceof Map<?, ?> dm) {
                    String to = string(dm.get("to"));
                    msg.getDestinations().add(new Destination(to == null ? null : to.trim(), string(dm.get("cID"))));
                } else if (d != null) {
                    msg.getDestinations().add(new Destination(d.toString().trim()));
                } else {
                    throw new IllegalArgumentException("mitake-mms destinations[" + i + "] is null");
                }
                i++;
            }
        } else if (destinations != null) {
            throw new IllegalArgumentException("mitake-mms destinations must be a List, was "
                                               + destinations.getClass().getName());
        }
        if (map.get("to") != null) {
            List<Destination> to = destinations(map.get("to"), "to");
            applyCid(to, string(map.get("cID")), "cID");
            msg.getDestinations().addAll(to);
        }
        Object attachments = map.get("attachments");
        if (attachments instanceof Collection<?> list) {
            for (Object a : list) {
                if (a instanceof Attachment att) {
                    msg.getAttachments().add(att.copy());
                } else if (a instanceof Map<?, ?> am) {
                    msg.getAttachments().add(mapAttachment(am));
                } else {
                    throw new IllegalArgumentException("mitake-mms attachments must hold Maps or Attachments, not "
                                                       + (a == null ? "null" : a.getClass().getName()));
                }
            }
        } else if (attachments != null) {
            throw new IllegalArgumentException("mitake-mms attachments must be a List, was "
                                               + attachments.getClass().getName());
        }
    }

    private static void fromHeaders(Message in, MmsMessage msg, String zone) {
        if (msg.getSubject() == null) {
            msg.setSubject(in.getHeader(MitakeMmsConstants.SUBJECT, String.class));
        }
        if (msg.getContent() == null) {
            msg.setContent(in.getHeader(MitakeMmsConstants.CONTENT, String.class));
        }
        if (msg.getOrderTime() == null) {
            msg.setOrderTime(time("orderTime", in.getHeader(MitakeMmsConstants.ORDER_TIME), zone));
        }
        if (msg.getExpireTime() == null) {
            msg.setExpireTime(time("expireTime", in.getHeader(MitakeMmsConstants.EXPIRE_TIME), zone));
        }
        if (msg.getProjectName() == null) {
            msg.setProjectName(in.getHeader(MitakeMmsConstants.PROJECT_NAME, String.class));
        }
        if (msg.getDestinations().isEmpty()) {
            Object to = in.getHeader(MitakeMmsConstants.TO);
            if (to != null) {
                List<Destination> list = destinations(to, MitakeMmsConstants.TO);
                applyCid(list, string(in.getHeader(MitakeMmsConstants.CID, String.class)), MitakeMmsConstants.CID);
                msg.getDestinations().addAll(list);
            }
        }
    }

    /** A time in the API's format, the zone resolved only when there is a time to convert. */
    private static String time(String field, Object value, String zone) {
        return value == null ? null : MitakeTimes.format(field, value, ZoneId.of(zone));
    }

    /** Gives the only destination its cID; a cID for several destinations would be lost, so it is refused. */
    private static void applyCid(List<Destination> destinations, String cId, String field) {
        if (cId == null) {
            return;
        }
        if (destinations.size() != 1) {
            throw new IllegalArgumentException("mitake-mms " + field + " is the cID of a single destination, but there are "
                                               + destinations.size() + " destinations; give each its cID in the "
                                               + "destinations list instead");
        }
        destinations.get(0).setCId(cId);
    }

    /** An attachment of a Map with the API's field names; attachContent may also be raw bytes. */
    private static Attachment mapAttachment(Map<?, ?> am) {
        Object content = am.get("attachContent");
        String name = string(am.get("attachName"));
        String type = string(am.get("attachType"));
        if (type == null) {
            type = AttachmentTypes.fromName(name);
        }
        if (content instanceof byte[] b) {
            return Attachment.encoded(b, type, name);
        }
        return new Attachment(string(content), type, name);
    }

    /** Destinations from a comma-separated String, a Collection or an array of phone numbers (or Destinations). */
    static List<Destination> destinations(Object value, String field) {
        if (!(value instanceof CharSequence || value instanceof Iterable || value.getClass().isArray())) {
            throw new IllegalArgumentException("mitake-mms " + field + " must be a comma-separated String or a Collection, "
                                               + "was " + value.getClass().getName());
        }
        List<Destination> list = new ArrayList<>();
        if (value instanceof String s) {
            // the usual case, split here: Camel's iterator costs a share of a small push
            for (int start = 0, end; start <= s.length(); start = end + 1) {
                end = s.indexOf(',', start);
                if (end < 0) {
                    end = s.length();
                }
                String number = s.substring(start, end);
                if (!number.isBlank()) {
                    list.add(new Destination(number.trim()));
                }
            }
            return list;
        }
        for (Object o : ObjectHelper.createIterable(value, ",")) {
            if (o instanceof Destination d) {
                list.add(new Destination(d.getTo(), d.getCId()));
            } else if (o != null && !o.toString().isBlank()) {
                list.add(new Destination(o.toString().trim()));
            }
        }
        return list;
    }

    /**
     * The values of a Collection, an array, a comma-separated String or a single value, as trimmed Strings. Integral
     * numbers are taken as they are; a Double or Float is refused, as it has lost the digits of ids beyond 2^53.
     *
     * @param allowEmpty whether an empty value is kept (as null) to hold its position, or skipped
     */
    public static List<String> values(Object value, boolean allowEmpty) {
        List<String> values = new ArrayList<>();
        if (value == null) {
            return values;
        }
        for (Object o : ObjectHelper.createIterable(value, ",", allowEmpty)) {
            if (o instanceof Double || o instanceof Float) {
                throw new IllegalArgumentException("mitake-mms ids must be Strings or integral numbers: a "
                                                   + o.getClass().getSimpleName() + " loses digits of ids beyond 2^53");
            }
            String v = o == null ? "" : o.toString().trim();
            if (!v.isEmpty()) {
                values.add(v);
            } else if (allowEmpty) {
                values.add(null);
            }
        }
        return values;
    }

    private static boolean isBinary(Object body) {
        return body instanceof byte[] || body instanceof File || body instanceof Path || body instanceof InputStream
               || body instanceof WrappedFile;
    }

    /** One attachment of binary content, read through Camel's type converters. */
    private static Attachment binaryAttachment(Exchange exchange, Object body) throws InvalidPayloadException {
        Message in = exchange.getMessage();
        String name = in.getHeader(MitakeMmsConstants.ATTACHMENT_NAME, String.class);
        Object file = body instanceof WrappedFile<?> wrapped ? wrapped.getFile() : body;
        if (name == null && file instanceof File f) {
            name = f.getName();
        }
        if (name == null && file instanceof Path p && p.getFileName() != null) {
            name = p.getFileName().toString();
        }
        if (name == null) {
            name = in.getHeader(Exchange.FILE_NAME_ONLY, String.class);
        }
        if (name == null) {
            name = in.getHeader(Exchange.FILE_NAME, String.class);
        }
        byte[] bytes = in.getMandatoryBody(byte[].class);
        if (body instanceof StreamCache cache) {
            // let later steps (and a redelivery) read the body again
            cache.reset();
        }
        if (name == null) {
            // no name anywhere: name it after what its leading bytes show, validation then checks the rest
            String sniffed = AttachmentTypes.sniff(bytes, bytes.length);
            name = sniffed == null ? null : "attachment." + sniffed;
        } else {
            name = lastSegment(name);
        }
        return attachment(name, bytes, null);
    }

    /**
     * An attachment whose type is the name's extension; for a name without one, the content type's, else what the
     * leading bytes show.
     */
    private static Attachment attachment(String name, byte[] bytes, String contentType) {
        String type = AttachmentTypes.fromName(name);
        if (type == null) {
            type = AttachmentTypes.fromContentType(contentType);
        }
        if (type == null) {
            type = AttachmentTypes.sniff(bytes, bytes.length);
        }
        return Attachment.encoded(bytes, type, name);
    }

    private static void addCamelAttachments(Message in, MmsMessage msg) {
        // Camel keeps attachments as a trait of the plain message: exchange.getMessage(AttachmentMessage.class) is only
        // a view, so the exchange's message is seldom an AttachmentMessage itself
        if (!in.hasTrait(MessageTrait.ATTACHMENTS)) {
            return;
        }
        AttachmentMessage am = in instanceof AttachmentMessage a ? a : new DefaultAttachmentMessage(in);
        if (!am.hasAttachments()) {
            return;
        }
        for (Map.Entry<String, DataHandler> e : am.getAttachments().entrySet()) {
            DataHandler handler = e.getValue();
            String name = e.getKey() != null && !e.getKey().isBlank() ? e.getKey() : handler.getName();
            name = name == null ? null : lastSegment(name);
            try (InputStream is = handler.getInputStream()) {
                msg.getAttachments().add(attachment(name, is.readAllBytes(), handler.getContentType()));
            } catch (IOException ex) {
                throw new IllegalArgumentException("mitake-mms cannot read the Camel attachment " + name + ": "
                                                   + ex.getMessage(), ex);
            }
        }
    }

    private static String lastSegment(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return slash >= 0 ? name.substring(slash + 1) : name;
    }

    private static String string(Object o) {
        if (o == null) {
            return null;
        }
        String s = o.toString();
        return s.isEmpty() ? null : s;
    }
}
