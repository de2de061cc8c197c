package io.github.mitakemms.camel.consumer;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.mitakemms.camel.MitakeMmsConstants;
import io.github.mitakemms.camel.model.DeliveryReport;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.LoggingExceptionHandler;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One unreadable report does not cost the others: the readable reports of a callback are routed and acknowledged, each
 * unreadable one goes to the consumer's exception handler (the route's error handler with bridgeErrorHandler=true, a
 * custom handler with exceptionHandler, else a WARN line without the body), and only a body with no readable report is
 * refused with 400.
 */
class CallbackUnreadableReportsTest extends CallbackTestSupport {

    /** Values that must never show in a log line above DEBUG. */
    private static final String SECRET_BATCH = "777000111222333444";
    private static final String SECRET_TIME = "20991231235959";

    private static final String GOOD_1 = "{\"batchID\":1,\"msgID\":11,\"status\":\"0\"}";
    private static final String GOOD_3 = "{\"batchID\":1,\"msgID\":13,\"status\":\"0\"}";
    /** Lacks msgID. */
    private static final String NO_MSG_ID = "{\"batchID\":" + SECRET_BATCH + ",\"status\":\"0\",\"statusTime\":\""
                                            + SECRET_TIME + "\"}";
    /** A point that is no number. */
    private static final String WRONG_TYPE = "{\"batchID\":" + SECRET_BATCH + ",\"msgID\":12,\"status\":\"0\",\"point\":"
                                             + "{\"n\":\"" + SECRET_TIME + "\"}}";

    private final List<Handled> handled = new CopyOnWriteArrayList<>();
    private final AtomicInteger failFor13 = new AtomicInteger();
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private AbstractAppender appender;

    @BindToRegistry("recorder")
    private final ExceptionHandler recorder = new ExceptionHandler() {
        @Override
        public void handleException(Throwable exception) {
            handleException(null, null, exception);
        }

        @Override
        public void handleException(String message, Throwable exception) {
            handleException(message, null, exception);
        }

        @Override
        public void handleException(String message, Exchange exchange, Throwable exception) {
            handled.add(new Handled(message, exchange == null ? null : exchange.getIn().getBody(), exception));
        }
    };

    /** Camel's own logging handler, as a user may set it: it must not print the body either. */
    @BindToRegistry("camelLogging")
    private final ExceptionHandler camelLogging = new LoggingExceptionHandler(null, CallbackUnreadableReportsTest.class);

    @BindToRegistry("reports")
    private final IdempotentRepository repository = MemoryIdempotentRepository.memoryIdempotentRepository();

    record Handled(String message, Object body, Throwable exception) {
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("mitake-mms:callback?path=/bridged&bridgeErrorHandler=true")
                        .errorHandler(deadLetterChannel("mock:dead"))
                        .to("mock:bridged");
                from("mitake-mms:callback?path=/on-exception&bridgeErrorHandler=true&splitReports=false")
                        .onException(UnreadableReportException.class).handled(true).to("mock:unreadable").end()
                        .to("mock:list");
                from("mitake-mms:callback?path=/custom&exceptionHandler=#recorder&idempotentRepository=#reports")
                        .process(e -> {
                            if ("13".equals(e.getMessage().getHeader(MitakeMmsConstants.MSG_ID))
                                    && failFor13.getAndIncrement() == 0) {
                                throw new IllegalStateException("database briefly unavailable");
                            }
                        })
                        .to("mock:custom");
                from("mitake-mms:callback?path=/small&exceptionHandler=#recorder&maxBodySize=64").to("mock:small");
                from("mitake-mms:callback?path=/logged").to("mock:logged");
                from("mitake-mms:callback?path=/camel-logged&exceptionHandler=#camelLogging").to("mock:camel-logged");
            }
        };
    }

    @BeforeEach
    void captureLogLines() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        appender = new AbstractAppender("unreadable-reports-test", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLevel().isMoreSpecificThan(Level.INFO)) {
                    Throwable thrown = event.getThrown();
                    logLines.add(event.getLevel() + " " + event.getLoggerName() + " "
                                 + event.getMessage().getFormattedMessage() + (thrown != null ? " " + thrown : ""));
                }
            }
        };
        appender.start();
        // every logger passes its events on to the root's appenders
        logging.getConfiguration().getRootLogger().addAppender(appender, Level.ALL, null);
        logging.updateLoggers();
    }

    @AfterEach
    void stopCapturing() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        logging.getConfiguration().getRootLogger().removeAppender(appender.getName());
        logging.updateLoggers();
        appender.stop();
    }

    @Test
    void aReportWithoutMsgIdReachesTheDeadLetterChannelAndTheOthersAreRouted() throws Exception {
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);

        HttpResponse<String> response = post("/bridged", body(GOOD_1, NO_MSG_ID, GOOD_3));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("OK: 2 delivery report(s) processed")
                .contains("1 unreadable handed to the exception handler");
        assertThat(msgIds("mock:bridged")).containsExactly("11", "13");
        dead.assertIsSatisfied();
        Exchange letter = dead.getReceivedExchanges().get(0);
        // the report's own JSON, for the dead letter channel to keep
        String json = letter.getMessage().getBody(String.class);
        assertThat(json).contains("\"batchID\":" + SECRET_BATCH).contains(SECRET_TIME).doesNotContain("msgID");
        Throwable cause = letter.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        assertThat(cause).isInstanceOfSatisfying(UnreadableReportException.class,
                e -> assertThat(e.getIndex()).isEqualTo(1))
                .hasMessageContaining("messages[1] has no msgID").hasMessageContaining("report 2 of 3");
        assertThat(cause.getMessage()).doesNotContain(SECRET_BATCH).doesNotContain(SECRET_TIME);
    }

    @Test
    void aReportWithAValueOfTheWrongTypeReachesOnExceptionAndTheOthersAreRouted() throws Exception {
        MockEndpoint unreadable = getMockEndpoint("mock:unreadable");
        unreadable.expectedMessageCount(1);

        HttpResponse<String> response = post("/on-exception", body(GOOD_1, WRONG_TYPE, GOOD_3));

        assertThat(response.statusCode()).isEqualTo(200);
        List<Exchange> lists = getMockEndpoint("mock:list").getReceivedExchanges();
        assertThat(lists).singleElement().satisfies(e -> assertThat(e.getMessage().getBody(List.class))
                .extracting(r -> ((DeliveryReport) r).getMsgId()).containsExactly("11", "13"));
        unreadable.assertIsSatisfied();
        Exchange handledReport = unreadable.getReceivedExchanges().get(0);
        assertThat(handledReport.getMessage().getBody(String.class)).contains("\"msgID\":12").contains(SECRET_TIME);
        assertThat(handledReport.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class))
                .isInstanceOf(UnreadableReportException.class)
                .hasMessageContaining("unexpected value at messages[1].point");
    }

    @Test
    void aCustomExceptionHandlerReceivesEachUnreadableReport() {
        HttpResponse<String> response = post("/custom", body(NO_MSG_ID, GOOD_1, WRONG_TYPE, "null"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(msgIds("mock:custom")).containsExactly("11");
        assertThat(handled).hasSize(3);
        assertThat(handled).extracting(h -> ((UnreadableReportException) h.exception()).getIndex())
                .containsExactly(0, 2, 3);
        assertThat(handled.get(0).body()).asString().contains(SECRET_BATCH);
        assertThat(handled.get(1).body()).asString().contains("\"msgID\":12");
        assertThat(handled.get(2).exception()).hasMessageContaining("messages[3] is null");
    }

    @Test
    void aRouteFailureAmongUnreadableReportsGives500AndTheResendRoutesOnlyTheFailedReport() {
        String callback = body(GOOD_1, NO_MSG_ID, GOOD_3);

        HttpResponse<String> first = post("/custom", callback);

        assertThat(first.statusCode()).isEqualTo(500);
        assertThat(first.body()).contains("1 of 3");
        assertThat(msgIds("mock:custom")).containsExactly("11");

        HttpResponse<String> resent = post("/custom", callback);

        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(resent.body()).contains("1 duplicate").contains("1 unreadable");
        // the idempotent repository keeps the routed report from being routed again
        assertThat(msgIds("mock:custom")).containsExactly("11", "13");
        // the unreadable report is handed over with each callback that carries it
        assertThat(handled).hasSize(2).allSatisfy(h -> assertThat(h.exception())
                .isInstanceOf(UnreadableReportException.class));
    }

    @Test
    void aBodyWithoutAnyReadableReportGives400AndGoesToTheExceptionHandler() {
        String allUnreadable = body(NO_MSG_ID, WRONG_TYPE);

        HttpResponse<String> response = post("/custom", allUnreadable);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("messages[0] has no msgID")
                .contains("unexpected value at messages[1].point");
        assertThat(getMockEndpoint("mock:custom").getReceivedExchanges()).isEmpty();
        assertThat(handled).singleElement().satisfies(h -> {
            assertThat(h.exception()).isInstanceOfSatisfying(CallbackRejectedException.class,
                    e -> assertThat(e.getHttpStatus()).isEqualTo(400));
            // the refused body as it came, for a dead letter channel
            assertThat(h.body()).isEqualTo(allUnreadable);
        });
    }

    @Test
    void aBodyThatIsNotJsonGoesToTheErrorHandlerWhenBridged() throws Exception {
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);

        assertThat(post("/bridged", "{\"messages\": [").statusCode()).isEqualTo(400);

        dead.assertIsSatisfied();
        Exchange letter = dead.getReceivedExchanges().get(0);
        assertThat(letter.getMessage().getBody(String.class)).isEqualTo("{\"messages\": [");
        assertThat(letter.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class))
                .isInstanceOf(CallbackRejectedException.class).hasMessageContaining("not valid JSON");
        assertThat(getMockEndpoint("mock:bridged").getReceivedExchanges()).isEmpty();
    }

    @Test
    void anOversizedBodyGoesToTheExceptionHandlerWithoutItsBody() {
        HttpResponse<String> response = post("/small", body(GOOD_1, GOOD_3, NO_MSG_ID));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(handled).singleElement().satisfies(h -> {
            assertThat(h.exception()).isInstanceOfSatisfying(CallbackRejectedException.class,
                    e -> assertThat(e.getHttpStatus()).isEqualTo(413));
            assertThat(h.body()).isNull();
        });
    }

    @Test
    void camelsLoggingExceptionHandlerDoesNotPrintTheBodyEither() {
        HttpResponse<String> response = post("/camel-logged", body(GOOD_1, NO_MSG_ID));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(logLines).anySatisfy(line -> assertThat(line).startsWith("WARN")
                .contains("messages[1] has no msgID"));
        assertThat(logLines).noneSatisfy(line -> assertThat(line).containsAnyOf(SECRET_BATCH, SECRET_TIME));
    }

    @Test
    void wrongMethodsAreNotHandedToTheExceptionHandler() {
        assertThat(send(HttpRequest.newBuilder(uri("/custom")).GET().build()).statusCode()).isEqualTo(405);

        assertThat(handled).isEmpty();
    }

    @Test
    void withoutBridgeOrHandlerTheUnreadableReportIsAWarnLineWithoutTheBody() {
        HttpResponse<String> response = post("/logged", body(GOOD_1, NO_MSG_ID, WRONG_TYPE));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(msgIds("mock:logged")).containsExactly("11");
        assertThat(logLines).filteredOn(line -> line.startsWith("WARN") && line.contains("Unreadable"))
                .hasSize(2)
                .anySatisfy(line -> assertThat(line).contains("messages[1] has no msgID"))
                .anySatisfy(line -> assertThat(line).contains("messages[2].point"));
        assertThat(logLines).noneSatisfy(line -> assertThat(line).containsAnyOf(SECRET_BATCH, SECRET_TIME));
    }

    private static String body(String... reports) {
        return "{\"messages\":[" + String.join(",", reports) + "]}";
    }

    private List<Object> msgIds(String mock) {
        return getMockEndpoint(mock).getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader(MitakeMmsConstants.MSG_ID))
                .toList();
    }
}
