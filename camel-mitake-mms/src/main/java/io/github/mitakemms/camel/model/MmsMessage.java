package io.github.mitakemms.camel.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The request body of a push: one MMS to one or more destinations.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MmsMessage {

    private String subject;
    private String content;
    private String orderTime;
    private String expireTime;
    private String projectName;
    private List<Destination> destinations = new ArrayList<>();
    private List<Attachment> attachments = new ArrayList<>();

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    /** The time to send at, yyyyMMddHHmmss. */
    public String getOrderTime() {
        return orderTime;
    }

    public void setOrderTime(String orderTime) {
        this.orderTime = orderTime;
    }

    /** The time after which the message is not delivered any more, yyyyMMddHHmmss. */
    public String getExpireTime() {
        return expireTime;
    }

    public void setExpireTime(String expireTime) {
        this.expireTime = expireTime;
    }

    public String getProjectName() {
        return projectName;
    }

    public void setProjectName(String projectName) {
        this.projectName = projectName;
    }

    public List<Destination> getDestinations() {
        return destinations;
    }

    public void setDestinations(List<Destination> destinations) {
        this.destinations = destinations;
    }

    public List<Attachment> getAttachments() {
        return attachments;
    }

    public void setAttachments(List<Attachment> attachments) {
        this.attachments = attachments;
    }

    /** Adds a destination; returns this message. */
    public MmsMessage to(String phone) {
        destinations.add(new Destination(phone));
        return this;
    }

    /** Adds a destination with its cID; returns this message. */
    public MmsMessage to(String phone, String cId) {
        destinations.add(new Destination(phone, cId));
        return this;
    }

    /** Adds an attachment; returns this message. */
    public MmsMessage attach(Attachment attachment) {
        attachments.add(attachment);
        return this;
    }

    /** A shallow copy with another list of destinations, used to split a push into calls of at most 500. */
    public MmsMessage withDestinations(List<Destination> part) {
        MmsMessage copy = new MmsMessage();
        copy.subject = subject;
        copy.content = content;
        copy.orderTime = orderTime;
        copy.expireTime = expireTime;
        copy.projectName = projectName;
        copy.attachments = attachments;
        copy.destinations = part;
        return copy;
    }

    @Override
    public String toString() {
        return "MmsMessage[subject=" + subject + ", destinations=" + destinations.size()
               + ", attachments=" + attachments + "]";
    }
}
