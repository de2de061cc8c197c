package io.github.mitakemms.camel.model;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * One attachment of a push: its content base64-encoded, its type (jpg, jpeg, png, gif, mp3) and its file name.
 * <p>
 * Content the component encoded from bytes, or found to be base64 by {@link #checkBase64()}, is kept as the base64
 * bytes and written from them as they are; nothing outside the component can mark content as base64 without it being
 * checked, so what is written is always valid JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonSerialize(using = AttachmentWriter.class)
public class Attachment {

    private String attachContent;
    private String attachType;
    private String attachName;
    /**
     * The content's bytes (one per character) once they are known to be base64: encoded here, or checked. Set only by
     * this class and never handed out of the package.
     */
    private byte[] base64;

    public Attachment() {
    }

    public Attachment(String attachContent, String attachType, String attachName) {
        this.attachContent = attachContent;
        this.attachType = attachType;
        this.attachName = attachName;
    }

    /**
     * An attachment of raw bytes; the type is taken from the extension of the name's last path segment.
     */
    public static Attachment of(String name, byte[] content) {
        return encoded(content, AttachmentTypes.fromName(name), name);
    }

    /** An attachment of raw bytes, base64-encoded here, once: no String of the content is made unless asked for. */
    public static Attachment encoded(byte[] content, String type, String name) {
        Attachment a = new Attachment(null, type, name);
        a.base64 = Base64.getEncoder().encode(content);
        return a;
    }

    /** A copy of this attachment. */
    public Attachment copy() {
        Attachment a = new Attachment(attachContent, attachType, attachName);
        a.base64 = base64;
        return a;
    }

    /** The base64 content; made from the encoded bytes on first call when the component encoded them. */
    public String getAttachContent() {
        if (attachContent == null && base64 != null) {
            attachContent = new String(base64, StandardCharsets.ISO_8859_1);
        }
        return attachContent;
    }

    /** Sets the base64 content; whether it is base64 is checked again when the push is validated. */
    public void setAttachContent(String attachContent) {
        this.attachContent = attachContent;
        this.base64 = null;
    }

    /** The length of the base64 content in characters, without making a String of it. */
    @JsonIgnore
    public int getContentLength() {
        return base64 != null ? base64.length : attachContent == null ? 0 : attachContent.length();
    }

    /**
     * Checks that the content is base64 (RFC 4648 basic alphabet, padded with = to a multiple of 4 characters, no line
     * breaks) and remembers it until the content is set again, so it is neither checked nor escaped again.
     *
     * @return -1 when the content is base64; else the position of the first character that is not, or the length when
     *         only the length is wrong
     */
    public int checkBase64() {
        if (base64 != null) {
            return -1;
        }
        if (attachContent == null) {
            return 0;
        }
        byte[] bytes = attachContent.getBytes(StandardCharsets.ISO_8859_1);
        int error = Base64Text.error(bytes);
        if (error < 0) {
            base64 = bytes;
        }
        return error;
    }

    /** Whether the content is known to be base64: encoded by the component, or checked since it was last set. */
    @JsonIgnore
    public boolean isBase64Known() {
        return base64 != null;
    }

    /** The first bytes of the decoded content (at most 12, enough for every file signature); the content must be base64. */
    public byte[] leadingBytes() {
        // 16 base64 characters decode to the 12 leading bytes
        int n = Math.min(getContentLength(), 16);
        byte[] head;
        if (base64 != null) {
            head = java.util.Arrays.copyOf(base64, n);
        } else {
            head = attachContent.substring(0, n).getBytes(StandardCharsets.ISO_8859_1);
        }
        return Base64.getDecoder().decode(head);
    }

    boolean hasContent() {
        return base64 != null || attachContent != null;
    }

    /** The base64 bytes when known, else null. Never handed out of the package: the writer copies them as they are. */
    byte[] base64() {
        return base64;
    }

    public String getAttachType() {
        return attachType;
    }

    public void setAttachType(String attachType) {
        this.attachType = attachType;
    }

    public String getAttachName() {
        return attachName;
    }

    public void setAttachName(String attachName) {
        this.attachName = attachName;
    }

    @Override
    public String toString() {
        return "Attachment[name=" + attachName + ", type=" + attachType + ", base64Length=" + getContentLength() + "]";
    }
}
