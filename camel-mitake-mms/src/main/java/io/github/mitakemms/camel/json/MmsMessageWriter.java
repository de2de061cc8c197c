package io.github.mitakemms.camel.json;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.mitakemms.camel.model.Attachment;
import io.github.mitakemms.camel.model.AttachmentWriter;
import io.github.mitakemms.camel.model.Destination;
import io.github.mitakemms.camel.model.MmsMessage;

/**
 * Writes a push request, which goes out on every call, with Jackson's generator instead of the mapper, whose
 * per-call provider and reflective getters cost more than the writing on a small push. The bytes are the mapper's
 * (held to them in {@code MmsMessageWriterTest}): the fields in the model's order, none that is null, the attachments
 * by {@link AttachmentWriter}. Only for the model's own classes: a subclass of {@link MmsMessage} or {@link Destination}
 * may have fields of its own, so it goes to the mapper.
 */
final class MmsMessageWriter {

    private MmsMessageWriter() {
    }

    /** Whether the message is made of the model's own classes, which this writer knows. */
    static boolean canWrite(MmsMessage m) {
        if (m.getClass() != MmsMessage.class) {
            return false;
        }
        List<Destination> destinations = m.getDestinations();
        if (destinations != null) {
            for (Destination d : destinations) {
                if (d != null && d.getClass() != Destination.class) {
                    return false;
                }
            }
        }
        return true;
    }

    static void write(MmsMessage m, JsonGenerator g) throws IOException {
        g.writeStartObject(m);
        field(g, "subject", m.getSubject());
        field(g, "content", m.getContent());
        field(g, "orderTime", m.getOrderTime());
        field(g, "expireTime", m.getExpireTime());
        field(g, "projectName", m.getProjectName());
        List<Destination> destinations = m.getDestinations();
        if (destinations != null) {
            g.writeArrayFieldStart("destinations");
            for (Destination d : destinations) {
                if (d == null) {
                    g.writeNull();
                } else {
                    g.writeStartObject(d);
                    field(g, "to", d.getTo());
                    field(g, "cID", d.getCId());
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
        }
        List<Attachment> attachments = m.getAttachments();
        if (attachments != null) {
            g.writeArrayFieldStart("attachments");
            for (Attachment a : attachments) {
                if (a == null) {
                    g.writeNull();
                } else {
                    AttachmentWriter.write(a, g);
                }
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void field(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }
}
