package io.github.mitakemms.camel.consumer;

import java.nio.charset.StandardCharsets;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Writes the answer to the gateway on the HTTP exchange: always an explicit status code and a non-empty text body
 * (Camel's HTTP engines answer 204 to an empty body without a code, and the gateway takes anything but 200 for a
 * failure). The request headers are dropped first so that none of them is echoed back.
 */
final class CallbackResponse {

    private CallbackResponse() {
    }

    static void write(Exchange httpExchange, int statusCode, String text) {
        Message message = httpExchange.getMessage();
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, statusCode);
        message.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=UTF-8");
        if (statusCode == 405) {
            message.setHeader("Allow", "POST");
        }
        message.setBody((text + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
