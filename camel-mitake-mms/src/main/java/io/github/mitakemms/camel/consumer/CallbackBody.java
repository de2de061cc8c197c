package io.github.mitakemms.camel.consumer;

import java.io.IOException;
import java.io.InputStream;

import org.apache.camel.Message;

/**
 * Reads the raw bytes of a callback request, whatever form the HTTP engine of the runtime gives them in (byte array,
 * stream, Vert.x buffer, String), and enforces the size limit on both the declared Content-Length and the bytes
 * actually read. An oversized body is never read beyond the limit when it comes as a stream.
 */
final class CallbackBody {

    private static final byte[] EMPTY = new byte[0];

    private CallbackBody() {
    }

    static byte[] read(Message message, int maxBodySize) throws CallbackRejectedException, IOException {
        Long declared = contentLength(message);
        if (declared != null && declared > maxBodySize) {
            throw tooLarge(maxBodySize);
        }
        Object body = message.getBody();
        byte[] bytes;
        if (body == null) {
            bytes = EMPTY;
        } else if (body instanceof byte[] array) {
            bytes = array;
        } else if (body instanceof InputStream stream) {
            try (InputStream in = stream) {
                bytes = in.readNBytes(maxBodySize + 1);
            }
        } else {
            bytes = message.getBody(byte[].class);
            if (bytes == null) {
                throw CallbackRejectedException.badRequest(
                        "the body cannot be read as bytes; expected application/json");
            }
        }
        if (bytes.length > maxBodySize) {
            throw tooLarge(maxBodySize);
        }
        return bytes;
    }

    private static CallbackRejectedException tooLarge(int maxBodySize) {
        return new CallbackRejectedException(413, "the body is larger than maxBodySize (" + maxBodySize + " bytes)");
    }

    private static Long contentLength(Message message) {
        Object value = message.getHeader("Content-Length");
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value != null) {
            try {
                return Long.parseLong(value.toString().trim());
            } catch (NumberFormatException e) {
                // not a length: the bytes read decide
            }
        }
        return null;
    }
}
