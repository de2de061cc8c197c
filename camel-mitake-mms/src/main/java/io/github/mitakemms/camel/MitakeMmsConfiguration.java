package io.github.mitakemms.camel;

import java.math.BigDecimal;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options of the {@code mitake-mms} component and its endpoints.
 */
@UriParams
public class MitakeMmsConfiguration implements Cloneable {

    /** The largest subject + content + attachments the API accepts: 300 KB. */
    public static final int DEFAULT_MAX_PAYLOAD_SIZE = 307_200;

    @UriPath(enums = "push,queryBatchDR,querySingleDR,callback")
    @Metadata(required = true)
    private MitakeMmsOperation operation;

    @UriParam(label = "producer")
    private String baseUrl;
    @UriParam(label = "producer,security")
    private String clientId;
    @UriParam(label = "producer,security", secret = true)
    private String clientSecret;
    @UriParam(label = "producer")
    private String subject;
    @UriParam(label = "producer")
    private String projectName;
    @UriParam(label = "producer", defaultValue = "true")
    private boolean validate = true;
    @UriParam(label = "producer", defaultValue = "true")
    private boolean generateCid = true;
    @UriParam(label = "producer")
    private String cidSeed;
    @UriParam(label = "producer", defaultValue = "Asia/Taipei")
    private String timeZone = "Asia/Taipei";
    @UriParam(label = "producer", defaultValue = "false")
    private boolean throwOnRejected;
    @UriParam(label = "producer")
    private String lowBalanceThreshold;
    @UriParam(label = "producer,advanced", defaultValue = "10000", javaType = "java.time.Duration")
    private long connectTimeout = 10_000;
    @UriParam(label = "producer,advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long requestTimeout = 30_000;
    @UriParam(label = "producer,advanced", defaultValue = "8")
    private int maxConnections = 8;
    @UriParam(label = "producer,advanced", defaultValue = "307200")
    private int maxPayloadSize = DEFAULT_MAX_PAYLOAD_SIZE;
    @UriParam(label = "producer,advanced", defaultValue = "300000", javaType = "java.time.Duration")
    private long tokenRenewBefore = 300_000;
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "consumer", defaultValue = "/mitake-mms/callback")
    private String path = "/mitake-mms/callback";
    @UriParam(label = "consumer")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer", defaultValue = "true")
    private boolean splitReports = true;
    @UriParam(label = "consumer", defaultValue = "1048576")
    private int maxBodySize = 1_048_576;
    @UriParam(label = "consumer,security")
    private String allowedSources;
    @UriParam(label = "consumer,security", defaultValue = "false")
    private boolean trustForwardedFor;

    public MitakeMmsOperation getOperation() {
        return operation;
    }

    /**
     * The operation: push, queryBatchDR or querySingleDR (producers), or callback (consumer).
     */
    public void setOperation(MitakeMmsOperation operation) {
        this.operation = operation;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * The base URL of the Mitake gateway given to the customer, such as https://mms.example.com.tw. Required for the
     * producer operations.
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getClientId() {
        return clientId;
    }

    /**
     * The account (clientId). Required for the producer operations.
     */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    /**
     * The password (clientSecret). Required for the producer operations. Marked secret: masked in Camel's logs and
     * tooling, and never logged by the component.
     */
    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getSubject() {
        return subject;
    }

    /**
     * The default subject of a push, when neither the body nor a header gives one.
     */
    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getProjectName() {
        return projectName;
    }

    /**
     * The default project name of a push (at most 36 characters).
     */
    public void setProjectName(String projectName) {
        this.projectName = projectName;
    }

    public boolean isValidate() {
        return validate;
    }

    /**
     * Whether to check every field limit of the API locally, before anything is sent.
     */
    public void setValidate(boolean validate) {
        this.validate = validate;
    }

    public boolean isGenerateCid() {
        return generateCid;
    }

    /**
     * Whether to give every destination without a cID one: a random UUID, or one derived from cidSeed. A redelivery of
     * a push that failed sends the same cIDs (and the header CamelMitakeMmsCids carries them with the message), so the
     * gateway answers a message it took already with its earlier result instead of sending it twice; any other push
     * gets new cIDs.
     */
    public void setGenerateCid(boolean generateCid) {
        this.generateCid = generateCid;
    }

    public String getCidSeed() {
        return cidSeed;
    }

    /**
     * A Simple expression, such as ${header.JMSMessageID} or ${header.orderId}, whose value identifies the input of a
     * push: each generated cID is then derived from that value, the destination's position and its number (a name-based
     * UUID), so that the same input pushed again, in any process, after a crash or a transacted rollback, gets the same
     * cIDs and the gateway does not send it twice. The value must differ for every different push; a constant is
     * refused.
     */
    public void setCidSeed(String cidSeed) {
        this.cidSeed = cidSeed;
    }

    public String getTimeZone() {
        return timeZone;
    }

    /**
     * The time zone used to turn java.time and java.util.Date values into the API's yyyyMMddHHmmss.
     */
    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public boolean isThrowOnRejected() {
        return throwOnRejected;
    }

    /**
     * Whether a push in which the gateway refused some destinations (codes of Attachment 2 of the API) fails the
     * exchange. When false the refusals are reported in the result body.
     */
    public void setThrowOnRejected(boolean throwOnRejected) {
        this.throwOnRejected = throwOnRejected;
    }

    public String getLowBalanceThreshold() {
        return lowBalanceThreshold;
    }

    /** The lowBalanceThreshold as a number, or null when it is not set. */
    public BigDecimal lowBalanceThresholdValue() {
        if (lowBalanceThreshold == null || lowBalanceThreshold.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(lowBalanceThreshold.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "mitake-mms option lowBalanceThreshold must be a number of points, was '" + lowBalanceThreshold + "'");
        }
    }

    /**
     * Below this many points left on the account, as the latest push reported them (accountPoints), the producer's
     * health check is DOWN, and a line is logged once when the balance crosses it (and once when it recovers). Unset,
     * the balance is not watched.
     */
    public void setLowBalanceThreshold(String lowBalanceThreshold) {
        this.lowBalanceThreshold = lowBalanceThreshold;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Timeout to connect to the gateway, in milliseconds or as a duration such as 10s.
     */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    /**
     * Timeout waiting for the gateway's response, and for a free pooled connection, in milliseconds or as a duration;
     * set per call, so endpoints that differ only in it share their connections and token.
     */
    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    /**
     * The largest number of concurrent connections to the gateway (the gateway refuses too many with code 1007).
     * Endpoints with the same gateway and connection settings share one pool.
     */
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public int getMaxPayloadSize() {
        return maxPayloadSize;
    }

    /**
     * The largest size in bytes of the subject, the content and the base64 attachments together that validation lets
     * through (the API's limit is 300 KB).
     */
    public void setMaxPayloadSize(int maxPayloadSize) {
        this.maxPayloadSize = maxPayloadSize;
    }

    public long getTokenRenewBefore() {
        return tokenRenewBefore;
    }

    /**
     * How long before its expiry an access token is renewed, in milliseconds or as a duration (at most half the
     * token's lifetime).
     */
    public void setTokenRenewBefore(long tokenRenewBefore) {
        this.tokenRenewBefore = tokenRenewBefore;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * TLS configuration (org.apache.camel.support.jsse.SSLContextParameters) for the connections to the gateway.
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getPath() {
        return path;
    }

    /**
     * The HTTP path the callback consumer listens on, served by platform-http. Give it an unguessable segment and use
     * allowedSources: the API offers callbacks no authentication.
     */
    public void setPath(String path) {
        this.path = path;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /**
     * A repository of reports already processed (key batchID:msgID:status): a report seen before is acknowledged but
     * not routed again. A report is claimed in the repository while it is routed and its key is removed again when the
     * route fails for it, so a failed report is processed again when the gateway resends it, and two concurrent
     * callbacks never both route the same report.
     */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public boolean isSplitReports() {
        return splitReports;
    }

    /**
     * Whether the callback consumer routes one exchange per report (true) or the whole callback as one exchange whose
     * body is a List of reports (false).
     */
    public void setSplitReports(boolean splitReports) {
        this.splitReports = splitReports;
    }

    public int getMaxBodySize() {
        return maxBodySize;
    }

    /**
     * The largest callback body accepted, in bytes; a larger one is answered with 413. At least 1.
     */
    public void setMaxBodySize(int maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public String getAllowedSources() {
        return allowedSources;
    }

    /**
     * Comma-separated IP addresses and CIDR ranges allowed to post callbacks (IPv4 and IPv6, such as
     * 203.0.113.0/24, 2001:db8::/32); any other source is answered with 403. Host names are refused at start-up.
     * Empty allows every source.
     */
    public void setAllowedSources(String allowedSources) {
        this.allowedSources = allowedSources;
    }

    public boolean isTrustForwardedFor() {
        return trustForwardedFor;
    }

    /**
     * Whether the allow-list checks the last address of the X-Forwarded-For header (the one added by the reverse proxy
     * in front of this server) instead of the connection's peer address. Off by default, because any client can send
     * that header: turn it on only when every request reaches this server through such a proxy. Without the header the
     * peer address is checked.
     */
    public void setTrustForwardedFor(boolean trustForwardedFor) {
        this.trustForwardedFor = trustForwardedFor;
    }

    public MitakeMmsConfiguration copy() {
        try {
            return (MitakeMmsConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    @Override
    public String toString() {
        return "MitakeMmsConfiguration[operation=" + operation
               + ", baseUrl=" + baseUrl
               + ", clientId=" + clientId
               + ", clientSecret=" + (clientSecret == null ? "null" : "xxxxxx")
               + ", validate=" + validate
               + ", generateCid=" + generateCid
               + ", maxConnections=" + maxConnections
               + ", path=" + path + "]";
    }
}
