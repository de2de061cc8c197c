package io.github.mitakemms.camel.bench;

import java.util.List;
import java.util.Random;

import io.github.mitakemms.camel.MitakeMmsConstants;
import org.apache.camel.Message;

/**
 * What every contender sends: the same subject, text, two destinations and one image attachment, whose base64 makes the
 * request about 1 KB or about 300 KB (just under the API's limit of 307,200 bytes for subject + content + base64).
 */
public enum Payload {

    /** A small PNG: about 1 KB of JSON on the wire. */
    SMALL("1KB", "logo.png", png(600)),
    /** A JPEG whose base64 is 300,000 characters: about 300 KB of JSON on the wire. */
    LARGE("300KB", "photo.jpg", jpg(225_000));

    public static final String SUBJECT = "Order 4711 shipped";
    public static final String CONTENT = "Your order 4711 left our warehouse today and arrives within two days.";
    public static final List<String> PHONES = List.of("0911111111", "0922222222");
    /** The phones as the comma-separated header CamelMitakeMmsTo takes them. */
    public static final String PHONES_HEADER = String.join(",", PHONES);

    private final String label;
    private final String fileName;
    private final byte[] image;

    Payload(String label, String fileName, byte[] image) {
        this.label = label;
        this.fileName = fileName;
        this.image = image;
    }

    public String label() {
        return label;
    }

    public String fileName() {
        return fileName;
    }

    /**
     * Puts the payload on a message as the Camel contenders take it: the image as the body, the rest in the
     * component's headers (the hand-written route reads them too, then removes them).
     */
    public void setOn(Message message) {
        message.setBody(image);
        message.setHeader(MitakeMmsConstants.ATTACHMENT_NAME, fileName);
        message.setHeader(MitakeMmsConstants.SUBJECT, SUBJECT);
        message.setHeader(MitakeMmsConstants.CONTENT, CONTENT);
        message.setHeader(MitakeMmsConstants.TO, PHONES_HEADER);
    }

    public String type() {
        return fileName.substring(fileName.lastIndexOf('.') + 1);
    }

    /** The image bytes; shared, never to be modified. */
    public byte[] image() {
        return image;
    }

    public static Payload of(String label) {
        for (Payload p : values()) {
            if (p.label.equalsIgnoreCase(label) || p.name().equalsIgnoreCase(label)) {
                return p;
            }
        }
        throw new IllegalArgumentException("No payload " + label + "; use 1KB or 300KB");
    }

    private static byte[] png(int size) {
        byte[] b = random(size, 1);
        byte[] sig = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R' };
        System.arraycopy(sig, 0, b, 0, sig.length);
        return b;
    }

    private static byte[] jpg(int size) {
        byte[] b = random(size, 2);
        byte[] sig = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0 };
        System.arraycopy(sig, 0, b, 0, sig.length);
        return b;
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }
}
