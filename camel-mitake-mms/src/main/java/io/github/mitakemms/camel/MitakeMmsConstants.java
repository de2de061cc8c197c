package io.github.mitakemms.camel;

import org.apache.camel.spi.Metadata;

/**
 * Names of the Camel message headers that the {@code mitake-mms} component reads and writes.
 */
public final class MitakeMmsConstants {

    @Metadata(label = "producer", description = "The operation to perform, overriding the one of the endpoint URI: "
                                                + "push, queryBatchDR or querySingleDR.",
              javaType = "String")
    public static final String OPERATION = "CamelMitakeMmsOperation";

    @Metadata(label = "producer", description = "The subject of the MMS (push).", javaType = "String")
    public static final String SUBJECT = "CamelMitakeMmsSubject";

    @Metadata(label = "producer", description = "The text content of the MMS when the body is an attachment (push).",
              javaType = "String")
    public static final String CONTENT = "CamelMitakeMmsContent";

    @Metadata(label = "producer",
              description = "The destination phone numbers (push): a comma-separated String or a Collection of Strings.",
              javaType = "Object")
    public static final String TO = "CamelMitakeMmsTo";

    @Metadata(label = "producer", description = "The client-side message id (cID) when there is a single destination (push).",
              javaType = "String")
    public static final String CID = "CamelMitakeMmsCid";

    @Metadata(label = "producer",
              description = "The name of the attachment when the body is binary (push); else CamelFileName is used.",
              javaType = "String")
    public static final String ATTACHMENT_NAME = "CamelMitakeMmsAttachmentName";

    @Metadata(label = "producer",
              description = "The time to send at (push): a String yyyyMMddHHmmss, or a java.time or java.util.Date value.",
              javaType = "Object")
    public static final String ORDER_TIME = "CamelMitakeMmsOrderTime";

    @Metadata(label = "producer",
              description = "The time after which the MMS is no longer delivered (push): a String yyyyMMddHHmmss, "
                            + "or a java.time or java.util.Date value.",
              javaType = "Object")
    public static final String EXPIRE_TIME = "CamelMitakeMmsExpireTime";

    @Metadata(label = "producer", description = "The project name of the push.", javaType = "String")
    public static final String PROJECT_NAME = "CamelMitakeMmsProjectName";

    @Metadata(description = "The batch id: written by push (the first batch when it was split) and by the callback "
                            + "consumer; read by queryBatchDR and querySingleDR.",
              javaType = "String")
    public static final String BATCH_ID = "CamelMitakeMmsBatchId";

    @Metadata(label = "producer", description = "All batch ids of a push that was split into several API calls.",
              javaType = "java.util.List<String>")
    public static final String BATCH_IDS = "CamelMitakeMmsBatchIds";

    @Metadata(label = "producer",
              description = "The message ids: written by push, read by querySingleDR (a Collection or a comma-separated String).",
              javaType = "java.util.List<String>")
    public static final String MSG_IDS = "CamelMitakeMmsMsgIds";

    @Metadata(label = "producer", description = "The points the push cost, as the gateway gave them.",
              javaType = "java.math.BigDecimal")
    public static final String COST_POINTS = "CamelMitakeMmsCostPoints";

    @Metadata(label = "producer", description = "The points left on the account after the push.",
              javaType = "java.math.BigDecimal")
    public static final String ACCOUNT_POINTS = "CamelMitakeMmsAccountPoints";

    @Metadata(label = "producer",
              description = "The cID of every destination of a push, in destination order: written by push before its "
                            + "first call, so it is on the message when the push fails; read by push on a new exchange "
                            + "(a List or a comma-separated String, as a dead-letter queue hands it back) to give the "
                            + "destinations these cIDs by position, so that a resend from elsewhere is not sent twice.",
              javaType = "java.util.List<String>")
    public static final String CIDS = "CamelMitakeMmsCids";

    @Metadata(label = "consumer", description = "The message id of a delivery report.", javaType = "String")
    public static final String MSG_ID = "CamelMitakeMmsMsgId";

    @Metadata(label = "consumer", description = "The raw status code of a delivery report (Attachment 3 of the API).",
              javaType = "String")
    public static final String STATUS = "CamelMitakeMmsStatus";

    @Metadata(label = "consumer", description = "The status time of a delivery report, yyyyMMddHHmmss.",
              javaType = "String")
    public static final String STATUS_TIME = "CamelMitakeMmsStatusTime";

    @Metadata(label = "consumer", description = "The points of the reported message.", javaType = "java.math.BigDecimal")
    public static final String POINT = "CamelMitakeMmsPoint";

    private MitakeMmsConstants() {
    }
}
