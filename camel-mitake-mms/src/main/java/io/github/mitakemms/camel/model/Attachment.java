package io.github.mitakemms.camel.model;

import java.util.Base64;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One attachment of a push: its content base64-encoded, its type (jpg, jpeg, png, gif, mp3) and its file name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Attachment {

    private String attachContent;
    private String attachType;
    private String attachName;
    /**
     * Set when the content is known to be base64: encoded here from bytes, or checked by validation since it was set.
     * Such content is not checked again, neither by validation nor when it is written as JSON.
     */
    private transient boolean base64Known;

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

    /** An attachment of raw bytes, base64-encoded here. */
    public static Attachment encoded(byte[] content, String type, String name) {
        Attachment a = new Attachment(Base64.getEncoder().encodeToString(content), type, name);
        a.base64Known = true;
        return a;
    }

    /** A copy of this attachment. */
    public Attachment copy() {
        Attachment a = new Attachment(attachContent, attachType, attachName);
        a.base64Known = base64Known;
        return a;
    }

    /**
     * Whether the content is known to be base64, encoded by the component from bytes or checked by validation since it
     * was last set, so that it needs no check of its alphabet.
     */
    @JsonIgnore
    public boolean isBase64Known() {
        return base64Known;
    }

    /** Records that the content, as it is now, was found to be base64; setting the content forgets it. */
    public void markBase64Known() {
        this.base64Known = true;
    }

    public String getAttachContent() {
        return attachContent;
    }

    public void setAttachContent(String attachContent) {
        this.attachContent = attachContent;
        this.base64Known = false;
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
        return "Attachment[name=" + attachName + ", type=" + attachType + ", base64Length="
               + (attachContent == null ? 0 : attachContent.length()) + "]";
    }
}
