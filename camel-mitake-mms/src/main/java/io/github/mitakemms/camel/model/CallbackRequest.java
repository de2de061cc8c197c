package io.github.mitakemms.camel.model;

import java.util.List;

/**
 * The body the gateway posts to the callback URL: the latest statuses of one or more messages.
 */
public class CallbackRequest {

    private List<DeliveryReport> messages;

    public List<DeliveryReport> getMessages() {
        return messages;
    }

    public void setMessages(List<DeliveryReport> messages) {
        this.messages = messages;
    }
}
