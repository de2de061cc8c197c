package io.github.mitakemms.camel.consumer;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.UnitOfWork;
import org.apache.camel.support.BridgeExceptionHandlerToErrorHandler;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.LoggingExceptionHandler;
import org.apache.camel.support.UnitOfWorkHelper;

/**
 * What {@code bridgeErrorHandler=true} installs on the callback consumer: hands a failure to the route's error handler,
 * as Camel's {@link BridgeExceptionHandlerToErrorHandler} does, but keeps the body of the exchange it is given (the
 * unreadable report's JSON text, or the refused body) where Camel's bridge would replace it with the message. The
 * message stays readable as the exception's.
 */
final class ErrorHandlerBridge implements ExceptionHandler {

    private final DefaultConsumer consumer;
    private final ExceptionHandler fallback;

    ErrorHandlerBridge(DefaultConsumer consumer) {
        this.consumer = consumer;
        this.fallback = new LoggingExceptionHandler(consumer.getEndpoint().getCamelContext(), consumer.getClass());
    }

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
        Exchange failed = exchange != null ? exchange : consumer.getEndpoint().createExchange();
        failed.setException(exception);
        failed.setProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, exception);
        failed.setProperty(ExchangePropertyKey.ERRORHANDLER_BRIDGE, true);
        // no redelivery: the same input would fail the same way
        failed.getExchangeExtension().setRedeliveryExhausted(true);
        UnitOfWork unitOfWork = null;
        try {
            unitOfWork = consumer.createUoW(failed);
            consumer.getProcessor().process(failed);
        } catch (Exception e) {
            fallback.handleException("The error handler failed on: " + message, failed, e);
        } finally {
            UnitOfWorkHelper.doneUow(unitOfWork, failed);
        }
    }
}
