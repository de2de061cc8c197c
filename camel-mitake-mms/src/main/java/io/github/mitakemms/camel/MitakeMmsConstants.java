package io.github.mitakemms.camel;

import org.apache.camel.spi.Metadata;

/**
 * Names of the Camel message headers that the {@code mitake-mms} component reads and writes.
 */
public final class MitakeMmsConstants {

    @Metadata(label = "producer", description = "In: the operation to perform, overriding the one of the endpoint URI: "
                                                + "push, queryBatchDR or querySingleDR.",
              javaType = "String")
    public static final String OPERATION = "CamelMitakeMmsOperation";

    @Metadata(label = "producer", description = "In (push): the subject of the MMS.", javaType = "String")
    public static final String SUBJECT = "CamelMitakeMmsSubject";

    @Metadata(label = "producer", description = "In (push): the text content of the MMS when the body is an attachment.",
              javaType = "String")
    public static final String CONTENT = "CamelMitakeMmsContent";

    @Metadata(label = "producer",
              description = "In (push): the destination phone numbers, a comma-separated String or a Collection.",
              javaType = "Object")
    public static final String TO = "CamelMitakeMmsTo";

    @Metadata(label = "producer", description = "In (push): the cID when there is a single destination.",
              javaType = "String")
    public static final String CID = "CamelMitakeMmsCid";

    @Metadata(label = "producer",
              description = "In (push): the file name of the attachment when the body is binary; else CamelFileName is used.",
              javaType = "String")
    public static final String ATTACHMENT_NAME = "CamelMitakeMmsAttachmentName";

    @Metadata(label = "producer",
              description = "In (push): when to send, a String yyyyMMddHHmmss or any java.time or java.util.Date value.",
              javaType = "Object")
    public static final String ORDER_TIME = "CamelMitakeMmsOrderTime";

    @Metadata(label = "producer",
              description = "In (push): when to give up delivering, a String yyyyMMddHHmmss or any java.time or "
                            + "java.util.Date value.",
              javaType = "Object")
    public static final String EXPIRE_TIME = "CamelMitakeMmsExpireTime";

    @Metadata(label = "producer", description = "In (push): the project name.", javaType = "String")
    public static final String PROJECT_NAME = "CamelMitakeMmsProjectName";

    @Metadata(description = "Out of push (the first batch when it was split) and of the callback consumer; in to "
                            + "queryBatchDR and querySingleDR: the batch id.",
              javaType = "String")
    public static final String BATCH_ID = "CamelMitakeMmsBatchId";

    @Metadata(label = "producer", description = "Out of push, in to queryBatchDR: every batch id of a push split into several API calls.",
              javaType = "java.util.List<String>")
    public static final String BATCH_IDS = "CamelMitakeMmsBatchIds";

    @Metadata(label = "producer",
              description = "Out of push, in to querySingleDR (a Collection or a comma-separated String): the "
                            + "msgIDs of the accepted messages.",
              javaType = "java.util.List<String>")
    public static final String MSG_IDS = "CamelMitakeMmsMsgIds";

    @Metadata(label = "producer", description = "Out of push: the points it cost, exactly as the gateway gave them.",
              javaType = "java.math.BigDecimal")
    public static final String COST_POINTS = "CamelMitakeMmsCostPoints";

    @Metadata(label = "producer", description = "Out of push: the points left on the account.",
              javaType = "java.math.BigDecimal")
    public static final String ACCOUNT_POINTS = "CamelMitakeMmsAccountPoints";

    @Metadata(label = "producer",
              description = "Out of push, set before its first call so it is there when the push fails: every "
                            + "destination's cID, in destination order. In to push on a new exchange (a List, or a "
                            + "comma-separated String as a JMS dead-letter queue hands it back): gives the destinations "
                            + "these cIDs by position, so that a resend from elsewhere is not sent twice.",
              javaType = "java.util.List<String>")
    public static final String CIDS = "CamelMitakeMmsCids";

    @Metadata(label = "consumer", description = "Out of the callback consumer: the msgID of the report.", javaType = "String")
    public static final String MSG_ID = "CamelMitakeMmsMsgId";

    @Metadata(label = "consumer", description = "Out of the callback consumer: the raw status code (Attachment 3 of the API).",
              javaType = "String")
    public static final String STATUS = "CamelMitakeMmsStatus";

    @Metadata(label = "consumer", description = "Out of the callback consumer: the status time, yyyyMMddHHmmss.",
              javaType = "String")
    public static final String STATUS_TIME = "CamelMitakeMmsStatusTime";

    @Metadata(label = "consumer", description = "Out of the callback consumer: the points of the message.", javaType = "java.math.BigDecimal")
    public static final String POINT = "CamelMitakeMmsPoint";

    private MitakeMmsConstants() {
    }
}
