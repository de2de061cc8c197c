package io.github.mitakemms.camel.example.broker;

import java.nio.file.Path;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ActiveMQ Artemis broker in the application's process, so that the JMS pipeline needs nothing installed. It keeps
 * its messages in a journal on disk: a batch on the queue survives the process being killed, and is delivered again
 * when it restarts on the same folder. Other processes can connect to it when it is given an address to listen on.
 * <p>
 * Redelivery: a rolled-back message comes back after {@code redeliveryDelay}; after {@code maxDeliveryAttempts} the
 * broker moves it to the dead-letter queue (a backstop: the consumer route sends a message there itself before that).
 */
public final class EmbeddedBroker extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
    private final Configuration configuration;
    private final String name;

    /**
     * @param folder              where the journal is kept
     * @param vmUrl               the in-VM address the application's own connections use, such as {@code vm://0} (client
     *                            options after a {@code ?} are left to the clients)
     * @param listen              an address for other processes, such as {@code tcp://0.0.0.0:61616}; blank for none
     * @param deadLetterQueue     the dead-letter queue
     * @param maxDeliveryAttempts deliveries before the broker itself moves a message to the dead-letter queue
     * @param redeliveryDelay     milliseconds before a rolled-back message is delivered again
     */
    public EmbeddedBroker(Path folder, String vmUrl, String listen, String deadLetterQueue, int maxDeliveryAttempts,
                          long redeliveryDelay) throws Exception {
        this.name = vmUrl + (listen == null || listen.isBlank() ? "" : " and " + listen);
        configuration = new ConfigurationImpl()
                .setName("mitake-mms-example")
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(folder.resolve("journal").toString())
                .setBindingsDirectory(folder.resolve("bindings").toString())
                .setLargeMessagesDirectory(folder.resolve("large-messages").toString())
                .setPagingDirectory(folder.resolve("paging").toString())
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                // a nearly full disk must not block the example's producer
                .setMaxDiskUsage(-1)
                .setCriticalAnalyzer(false)
                .addAcceptorConfiguration("in-vm", vmUrl.replaceFirst("\\?.*", ""));
        if (listen != null && !listen.isBlank()) {
            configuration.addAcceptorConfiguration("remote", listen);
        }
        configuration.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(deadLetterQueue))
                .setAutoCreateDeadLetterResources(true)
                .setMaxDeliveryAttempts(maxDeliveryAttempts)
                .setRedeliveryDelay(redeliveryDelay)
                .setExpiryAddress(SimpleString.of(deadLetterQueue)));
        broker.setConfiguration(configuration);
    }

    @Override
    protected void doStart() throws Exception {
        broker.start();
        LOG.info("broker: ActiveMQ Artemis embedded, on {}, journal in {}", name,
                Path.of(configuration.getJournalDirectory()).getParent());
    }

    @Override
    protected void doStop() throws Exception {
        broker.stop();
    }

    /** How many messages wait on a queue (0 when it does not exist). */
    public long messageCount(String queue) {
        var q = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return q == null ? 0 : q.getMessageCount();
    }
}
