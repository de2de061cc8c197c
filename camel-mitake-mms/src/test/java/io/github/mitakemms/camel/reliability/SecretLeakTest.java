package io.github.mitakemms.camel.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.mitakemms.camel.MitakeMmsComponent;
import io.github.mitakemms.camel.MitakeMmsConstants;
import io.github.mitakemms.camel.MitakeMmsEndpoint;
import io.github.mitakemms.camel.exception.MitakeMmsRetryableException;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.URISupport;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.filter.AbstractFilter;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every logger at TRACE into a file of its own during a representative run (start-up, push, both queries, a token
 * revoked with 1005 and renewed, transport, HTTP and API faults, a local validation failure, an endpoint with the secret
 * in its URI, a callback whose route queries the report, a callback that is not a report), then: neither the client
 * secret nor any token issued appears in the file, in any exception's messages, in any header or property after the
 * producer, nor in Camel's rendering of the endpoints.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretLeakTest {

    static final Path TRACE_LOG = Figures.DIR.resolve("secret-leak-trace.log");
    /** The secret of the one endpoint that has it written in its URI. */
    static final String URI_SECRET = "uri-S3cr3t-Hw4Rt8Ny2Bc6";
    static final String APPENDER = "secret-leak-trace";

    private final Figures figures = new Figures("secrets");
    private final TokenAuthority authority = new TokenAuthority();
    private final Map<String, Level> savedLevels = new HashMap<>();
    private final List<Exchange> exchanges = new java.util.concurrent.CopyOnWriteArrayList<>();
    private LoggerContext logging;
    private FileAppender appender;
    private WireMockServer gateway;
    private CamelContext context;
    private final int callbackPort = AvailablePortFinder.getNextAvailable();

    @BeforeAll
    void everyLoggerAtTraceIntoAFile() throws Exception {
        Files.createDirectories(Figures.DIR);
        Files.deleteIfExists(TRACE_LOG);
        logging = (LoggerContext) LogManager.getContext(false);
        Configuration config = logging.getConfiguration();
        appender = FileAppender.newBuilder().setName(APPENDER).withFileName(TRACE_LOG.toString()).withAppend(false)
                .setLayout(PatternLayout.newBuilder().withConfiguration(config)
                        .withPattern("%d %-5p %c [%t] %m%n%throwable").build())
                .setFilter(new NotTheGatewayStandIn()).setConfiguration(config).build();
        appender.start();
        config.addAppender(appender);
        for (LoggerConfig logger : config.getLoggers().values()) {
            savedLevels.put(logger.getName(), logger.getLevel());
            logger.addAppender(appender, Level.ALL, null);
        }
        config.getRootLogger().addAppender(appender, Level.ALL, null);
        savedLevels.put(LogManager.ROOT_LOGGER_NAME, config.getRootLogger().getLevel());
        Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.TRACE);
        logging.updateLoggers();
    }

    @AfterAll
    void stopAll() {
        if (context != null) {
            context.stop();
        }
        if (gateway != null) {
            gateway.stop();
        }
        restoreLogging();
    }

    private void restoreLogging() {
        if (!appender.isStarted()) {
            return;
        }
        Configuration config = logging.getConfiguration();
        for (LoggerConfig logger : config.getLoggers().values()) {
            logger.removeAppender(APPENDER);
        }
        config.getRootLogger().removeAppender(APPENDER);
        savedLevels.forEach((name, level) -> {
            LoggerConfig logger = name.isEmpty() ? config.getRootLogger() : config.getLoggerConfig(name);
            logger.setLevel(level);
        });
        logging.updateLoggers();
        appender.stop();
    }

    @Test
    void noSecretInTheTraceLogExceptionsHeadersOrEndpoints() throws Exception {
        representativeRun();
        context.stop();
        long requests = gateway.getAllServeEvents().size();
        restoreLogging(); // and flushes the file

        List<String> secrets = Secrets.all();
        List<String> withUriSecret = new ArrayList<>(secrets);
        withUriSecret.add(URI_SECRET);
        LogScan.Result scan = LogScan.scan(TRACE_LOG, withUriSecret);
        String log = Files.readString(TRACE_LOG, StandardCharsets.UTF_8);
        // the secret configured on the component and every token: nowhere at all, Camel core's lines included
        List<String> componentSecretsAnywhere = new ArrayList<>();
        for (String s : secrets) {
            if (log.contains(s)) {
                componentSecretsAnywhere.add(s);
            }
        }
        List<String> inExceptions = new ArrayList<>();
        List<String> inHeaders = new ArrayList<>();
        for (Exchange e : exchanges) {
            inExceptions.addAll(Secrets.foundIn(e.getException()));
            inHeaders.addAll(Secrets.foundIn(e.getMessage()));
            e.getProperties().forEach((k, v) -> inHeaders.addAll(Secrets.foundIn(k + "=" + v)));
        }
        List<String> inEndpoints = new ArrayList<>();
        for (Endpoint endpoint : context.getEndpoints()) {
            inEndpoints.addAll(Secrets.foundIn(endpoint.toString(), withUriSecret));
            inEndpoints.addAll(Secrets.foundIn(URISupport.sanitizeUri(endpoint.getEndpointUri()), withUriSecret));
            if (endpoint instanceof MitakeMmsEndpoint m) {
                inEndpoints.addAll(Secrets.foundIn(m.getConfiguration().toString(), withUriSecret));
            }
        }
        figures.add("traceLogLines", scan.lines()).add("traceLogBytes", scan.bytes())
                .add("secretsChecked", withUriSecret.size()).add("exchanges", exchanges.size())
                .add("camelCoreUriTraceLines", scan.camelCoreUriTrace().size())
                .add(Figures.REQUESTS, requests)
                .add(Figures.FAULTS, FaultCase.values().length + 1)
                .add(Figures.LEAKED, scan.leaks().size() + componentSecretsAnywhere.size() + inExceptions.size()
                                     + inHeaders.size() + inEndpoints.size());
        figures.publish();

        // the run was really traced: the HTTP client's and Camel's own debug output is in the file
        assertThat(log).contains("org.apache.hc.client5").contains("org.apache.camel").contains("io.github.mitakemms");
        // Camel renders the endpoint URIs with the secret masked
        assertThat(log).contains("clientSecret=xxxxxx");
        assertThat(authority.tokenRequests()).as("tokens issued").isGreaterThanOrEqualTo(3);
        assertThat(scan.leaks()).as("secrets in the TRACE log " + TRACE_LOG).isEmpty();
        assertThat(componentSecretsAnywhere).as("component-configured secret or tokens anywhere in the log").isEmpty();
        assertThat(inExceptions).as("secrets in exception messages").isEmpty();
        assertThat(inHeaders).as("secrets in headers or properties after the producer").isEmpty();
        assertThat(inEndpoints).as("secrets in endpoint renderings").isEmpty();
    }

    private void representativeRun() throws Exception {
        gateway = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .extensions(authority));
        gateway.start();
        gateway.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(200)));
        authority.reset("33346", 3_600_000);

        context = new DefaultCamelContext();
        MainHttpServer server = new MainHttpServer();
        server.setHost("127.0.0.1");
        server.setPort(callbackPort);
        context.addService(server);
        MitakeMmsComponent component = new MitakeMmsComponent();
        component.getConfiguration().setBaseUrl(gateway.baseUrl());
        component.getConfiguration().setClientId("leak");
        component.getConfiguration().setClientSecret(Secrets.CLIENT_SECRET);
        component.getConfiguration().setRequestTimeout(FaultCase.REQUEST_TIMEOUT);
        component.getConfiguration().setSubject("Leak");
        context.addComponent("mitake-mms", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:push").routeId("push")
                        .onException(MitakeMmsRetryableException.class).maximumRedeliveries(1).redeliveryDelay(0).end()
                        .to("mitake-mms:push");
                from("direct:short").to("mitake-mms:push?requestTimeout=" + FaultCase.SHORT_REQUEST_TIMEOUT);
                from("direct:queryBatchDR").to("mitake-mms:queryBatchDR");
                from("direct:querySingleDR").to("mitake-mms:querySingleDR");
                // a delivery report arrives and its status is queried with the account's token
                from("mitake-mms:callback?path=/leak/callback").routeId("callback")
                        .setHeader(MitakeMmsConstants.MSG_IDS, header(MitakeMmsConstants.MSG_ID))
                        .setBody(constant(null))
                        .to("mitake-mms:querySingleDR")
                        .process(e -> exchanges.add(e.copy()));
                // the secret in the URI itself, as a user may write it
                from("direct:uri").to("mitake-mms:push?clientId=uri-account&clientSecret=RAW(" + URI_SECRET
                                      + ")&baseUrl=" + gateway.baseUrl());
            }
        });
        context.start();
        ProducerTemplate template = context.createProducerTemplate();

        send(template, "direct:push", "push", "first");
        send(template, "direct:queryBatchDR", "queryBatchDR", "q1");
        send(template, "direct:querySingleDR", "querySingleDR", "q2");
        send(template, "direct:uri", "push", "uri");
        // the gateway drops every token: 1005, one renewal, the call sent again
        authority.revokeAll();
        send(template, "direct:push", "push", "after-revocation");
        send(template, "direct:queryBatchDR", "queryBatchDR", "q3");
        // faults: transport, HTTP, API codes, timeout
        for (FaultCase fault : FaultCase.values()) {
            StubMapping stub = gateway.stubFor(ReliabilityTestSupport.target("push").atPriority(1)
                    .withName("fault " + fault).willReturn(fault.response()));
            send(template, fault == FaultCase.DELAY_PAST_TIMEOUT ? "direct:short" : "direct:push", "push",
                    "fault-" + fault);
            gateway.removeStub(stub);
        }
        // a 1003 on the token call itself
        StubMapping tokenRefused = gateway.stubFor(ReliabilityTestSupport.target("token").atPriority(1)
                .withName("fault token 1003").willReturn(FaultCase.CODE_1003.response()));
        authority.revokeAll();
        send(template, "direct:push", "push", "token-refused");
        gateway.removeStub(tokenRefused);
        // a callback, and one that is not a report
        HttpClient http = HttpClient.newHttpClient();
        for (String body : new String[] { "{\"messages\":[{\"batchID\":" + ReliabilityTestSupport.BATCH_ID
                                          + ",\"msgID\":304934980000714750,\"status\":\"0\",\"point\":3}]}",
                                          "{\"messages\":\"not a report\"}" }) {
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + callbackPort + "/leak/callback"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.discarding());
        }
        // local validation failure: a subject too long
        exchanges.add(template.send("direct:push", e -> {
            ReliabilityTestSupport.fill(e, "push", "invalid");
            e.getMessage().setHeader(MitakeMmsConstants.SUBJECT, "x".repeat(41));
        }));
    }

    private void send(ProducerTemplate template, String endpoint, String operation, String marker) {
        exchanges.add(template.send(endpoint, e -> ReliabilityTestSupport.fill(e, operation, marker)));
    }

    /** Drops what the stand-in gateway itself logs: it is the server, it must know the tokens. */
    private static final class NotTheGatewayStandIn extends AbstractFilter {
        NotTheGatewayStandIn() {
            super(Filter.Result.NEUTRAL, Filter.Result.DENY);
        }

        @Override
        public Result filter(LogEvent event) {
            String name = event.getLoggerName();
            return name != null && (name.startsWith("wiremock") || name.startsWith("WireMock")
                                    || name.startsWith("com.github.tomakehurst"))
                    ? Result.DENY : Result.NEUTRAL;
        }
    }
}
