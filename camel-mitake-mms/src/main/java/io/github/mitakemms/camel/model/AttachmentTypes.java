package io.github.mitakemms.camel.model;

import java.util.Locale;
import java.util.Set;

/**
 * The attachment types the API takes, recognised by file extension and by the content's leading bytes.
 */
public final class AttachmentTypes {

    /** The values of attachType the API accepts. */
    public static final Set<String> SUPPORTED = Set.of("jpg", "jpeg", "png", "gif", "mp3");

    private AttachmentTypes() {
    }

    /** The lower-case extension of a file name (of its last path segment), or null when it has none. */
    public static String fromName(String name) {
        if (name == null) {
            return null;
        }
        int dot = name.lastIndexOf('.');
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (dot < 0 || dot < slash || dot == name.length() - 1) {
            return null;
        }
        return name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * The attachment type of a MIME content type (image/jpeg, image/png, image/gif, audio/mpeg and their usual aliases;
     * parameters such as {@code ; name=...} are ignored), or null for any other.
     */
    public static String fromContentType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String mime = (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).trim().toLowerCase(Locale.ROOT);
        return switch (mime) {
            case "image/jpeg", "image/jpg", "image/pjpeg" -> "jpg";
            case "image/png", "image/x-png" -> "png";
            case "image/gif" -> "gif";
            case "audio/mpeg", "audio/mp3", "audio/mpeg3", "audio/x-mpeg-3", "audio/x-mp3" -> "mp3";
            default -> null;
        };
    }

    /** The type the leading bytes show (jpg, png, gif or mp3), or null when they show none of them. */
    public static String sniff(byte[] head, int length) {
        if (length >= 3 && u(head[0]) == 0xFF && u(head[1]) == 0xD8 && u(head[2]) == 0xFF) {
            return "jpg";
        }
        if (length >= 8 && u(head[0]) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G'
                && head[4] == 0x0D && head[5] == 0x0A && head[6] == 0x1A && head[7] == 0x0A) {
            return "png";
        }
        if (length >= 6 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F' && head[3] == '8'
                && (head[4] == '7' || head[4] == '9') && head[5] == 'a') {
            return "gif";
        }
        if (length >= 3 && head[0] == 'I' && head[1] == 'D' && head[2] == '3') {
            return "mp3";
        }
        if (length >= 2 && u(head[0]) == 0xFF && (u(head[1]) & 0xE0) == 0xE0) {
            return "mp3";
        }
        return null;
    }

    /** Whether a declared type and a sniffed one agree (jpeg is jpg). */
    public static boolean sameType(String declared, String sniffed) {
        String d = "jpeg".equals(declared) ? "jpg" : declared;
        return d != null && d.equals(sniffed);
    }

    private static int u(byte b) {
        return b & 0xFF;
    }
}
