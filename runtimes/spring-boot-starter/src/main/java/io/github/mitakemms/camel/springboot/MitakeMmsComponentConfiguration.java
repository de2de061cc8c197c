package io.github.mitakemms.camel.springboot;

import java.time.Duration;

import io.github.mitakemms.camel.MitakeMmsConfiguration;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The options of the mitake-mms component, bound from {@code camel.component.mitake-mms.*}.
 * <p>
 * Every field starts unset: only what the application sets is applied, and the component keeps its own default for the
 * rest (the defaults shown by IDEs come from additional-spring-configuration-metadata.json and are checked against the
 * component's). The Javadoc of each field begins with the component's own description of the option.
 */
@ConfigurationProperties(prefix = "camel.component.mitake-mms")
public class MitakeMmsComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as a
     * message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component
     * allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and therefore
     * bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook into the 3rd
     * party component and make this possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and
     * ignored.
     */
    private Boolean bridgeErrorHandler;

    /**
     * A repository of reports already processed (key batchID:msgID:status): a report seen before is acknowledged but
     * not routed again. A report is claimed in the repository while it is routed and its key is removed again when the
     * route fails for it, so a failed report is processed again when the gateway resends it, and two concurrent
     * callbacks never both route the same report. Given as the name of a bean (myRepository or #myRepository).
     */
    private IdempotentRepository idempotentRepository;

    /**
     * The largest callback body accepted, in bytes; a larger one is answered with 413. At least 1.
     */
    private Integer maxBodySize;

    /**
     * The HTTP path the callback consumer listens on, served by platform-http. Give it an unguessable segment and use
     * allowedSources: the API offers callbacks no authentication. On Spring Boot the path is served by the web server
     * under server.servlet.context-path.
     */
    private String path;

    /**
     * Whether the callback consumer routes one exchange per report (true) or the whole callback as one exchange whose
     * body is a List of reports (false).
     */
    private Boolean splitReports;

    /**
     * The base URL of the Mitake gateway given to the customer, such as https://mms.example.com.tw. Required for the
     * producer operations.
     */
    private String baseUrl;

    /**
     * Whether to give every destination without a cID one: a random UUID, or one derived from cidSeed. A redelivery of
     * a push that failed sends the same cIDs (and the header CamelMitakeMmsCids carries them with the message), so the
     * gateway answers a message it took already with its earlier result instead of sending it twice; any other push
     * gets new cIDs.
     */
    private Boolean generateCid;

    /**
     * A Simple expression, such as ${header.JMSMessageID} or ${header.orderId}, whose value identifies the input of a
     * push: each generated cID is then derived from that value, the destination's position and its number (a name-based
     * UUID), so that the same input pushed again, in any process, after a crash or a transacted rollback, gets the same
     * cIDs and the gateway does not send it twice. The value must differ for every different push; a constant is
     * refused. Spring Boot keeps ${header.JMSMessageID} as written when no property of the application is named
     * header.JMSMessageID; escape it as \${header.JMSMessageID} when one is.
     */
    private String cidSeed;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer;

    /**
     * The default project name of a push (at most 36 characters).
     */
    private String projectName;

    /**
     * The default subject of a push, when neither the body nor a header gives one.
     */
    private String subject;

    /**
     * Below this many points left on the account, as the latest push reported them (accountPoints), the producer's
     * health check is DOWN, and a line is logged once when the balance crosses it (and once when it recovers). Unset,
     * the balance is not watched.
     */
    private String lowBalanceThreshold;

    /**
     * Whether a push in which the gateway refused some destinations (codes of Attachment 2 of the API) fails the
     * exchange. When false the refusals are reported in the result body.
     */
    private Boolean throwOnRejected;

    /**
     * The time zone used to turn java.time and java.util.Date values into the API's yyyyMMddHHmmss.
     */
    private String timeZone;

    /**
     * Whether to check every field limit of the API locally, before anything is sent.
     */
    private Boolean validate;

    /**
     * Timeout to connect to the gateway, in milliseconds or as a duration such as 10s.
     */
    private Duration connectTimeout;

    /**
     * The largest number of concurrent connections to the gateway (the gateway refuses too many with code 1007).
     * Endpoints with the same gateway and connection settings share one pool.
     */
    private Integer maxConnections;

    /**
     * The largest size in bytes of the subject, the content and the base64 attachments together that validation lets
     * through (the API's limit is 300 KB).
     */
    private Integer maxPayloadSize;

    /**
     * Timeout waiting for the gateway's response, and for a free pooled connection, in milliseconds or as a duration;
     * set per call, so endpoints that differ only in it share their connections and token.
     */
    private Duration requestTimeout;

    /**
     * How long before its expiry an access token is renewed, in milliseconds or as a duration (at most half the token's
     * lifetime).
     */
    private Duration tokenRenewBefore;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled;

    /**
     * The shared configuration; endpoint options override it. Given as the name of a bean (#myConfiguration); the other
     * camel.component.mitake-mms properties are applied on top of it.
     */
    private MitakeMmsConfiguration configuration;

    /**
     * Comma-separated IP addresses and CIDR ranges allowed to post callbacks (IPv4 and IPv6, such as 203.0.113.0/24,
     * 2001:db8::/32); any other source is answered with 403. Host names are refused at start-up. Empty allows every
     * source.
     */
    private String allowedSources;

    /**
     * The account (clientId). Required for the producer operations.
     */
    private String clientId;

    /**
     * The password (clientSecret). Required for the producer operations. Marked secret: masked in Camel's logs and
     * tooling, and never logged by the component. Keep it out of the file: refer to an environment variable, such as
     * ${MITAKE_CLIENT_SECRET}.
     */
    private String clientSecret;

    /**
     * TLS configuration (org.apache.camel.support.jsse.SSLContextParameters) for the connections to the gateway. Given
     * as the name of a bean (mySsl or #mySsl).
     */
    private SSLContextParameters sslContextParameters;

    /**
     * Whether the allow-list checks the last address of the X-Forwarded-For header (the one added by the reverse proxy
     * in front of this server) instead of the connection's peer address. Off by default, because any client can send
     * that header: turn it on only when every request reaches this server through such a proxy. Without the header the
     * peer address is checked.
     */
    private Boolean trustForwardedFor;

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public Integer getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(Integer maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public Boolean getSplitReports() {
        return splitReports;
    }

    public void setSplitReports(Boolean splitReports) {
        this.splitReports = splitReports;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Boolean getGenerateCid() {
        return generateCid;
    }

    public void setGenerateCid(Boolean generateCid) {
        this.generateCid = generateCid;
    }

    public String getCidSeed() {
        return cidSeed;
    }

    public void setCidSeed(String cidSeed) {
        this.cidSeed = cidSeed;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public String getLowBalanceThreshold() {
        return lowBalanceThreshold;
    }

    public void setLowBalanceThreshold(String lowBalanceThreshold) {
        this.lowBalanceThreshold = lowBalanceThreshold;
    }

    public String getProjectName() {
        return projectName;
    }

    public void setProjectName(String projectName) {
        this.projectName = projectName;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public Boolean getThrowOnRejected() {
        return throwOnRejected;
    }

    public void setThrowOnRejected(Boolean throwOnRejected) {
        this.throwOnRejected = throwOnRejected;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public Boolean getValidate() {
        return validate;
    }

    public void setValidate(Boolean validate) {
        this.validate = validate;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Integer getMaxPayloadSize() {
        return maxPayloadSize;
    }

    public void setMaxPayloadSize(Integer maxPayloadSize) {
        this.maxPayloadSize = maxPayloadSize;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Duration getTokenRenewBefore() {
        return tokenRenewBefore;
    }

    public void setTokenRenewBefore(Duration tokenRenewBefore) {
        this.tokenRenewBefore = tokenRenewBefore;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public MitakeMmsConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(MitakeMmsConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getAllowedSources() {
        return allowedSources;
    }

    public void setAllowedSources(String allowedSources) {
        this.allowedSources = allowedSources;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Boolean getTrustForwardedFor() {
        return trustForwardedFor;
    }

    public void setTrustForwardedFor(Boolean trustForwardedFor) {
        this.trustForwardedFor = trustForwardedFor;
    }
}
