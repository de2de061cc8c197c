package io.github.mitakemms.camel.example;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import io.github.mitakemms.camel.example.broker.EmbeddedBroker;
import io.github.mitakemms.camel.example.routes.CampaignRoutes;
import io.github.mitakemms.camel.example.routes.DeliveryReportRoutes;
import io.github.mitakemms.camel.example.routes.PushRoutes;
import io.github.mitakemms.camel.example.routes.QueueRoutes;
import io.github.mitakemms.camel.example.routes.ReconcileRoutes;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.PluginHelper;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The example's beans and routes, configured from application.properties (and -D options) by Camel Main: the database,
 * the beans the routes call ({@code campaigns}, {@code reports}, {@code monitor}), the shared idempotent repository of
 * delivery reports ({@code reportIds}), the JMS connection factory and, for the JMS pipeline, the embedded broker.
 */
@Configuration
public class ExampleConfiguration implements CamelConfiguration {

    @PropertyInject("example.work-dir")
    private String workDir;
    /** Set by ExampleLifecycle when left blank. */
    @PropertyInject("example.db.url")
    private String dbUrl;
    @PropertyInject("example.source")
    private String source;
    @PropertyInject("example.dsl")
    private String dsl;
    @PropertyInject("example.keep-running")
    private boolean keepRunning;
    @PropertyInject("example.timeout-seconds")
    private long timeoutSeconds;
    @PropertyInject("example.batch-size")
    private int batchSize;
    @PropertyInject("example.jms.broker-url")
    private String brokerUrl;

    private JdbcConnectionPool dataSource;
    private CampaignMonitor monitor;

    /** The database of example.db.url (an H2 file under the working folder by default), its tables created. */
    @BindToRegistry(value = "dataSource", destroyMethod = "dispose")
    public synchronized JdbcConnectionPool dataSource() throws SQLException {
        if (dataSource == null) {
            dataSource = JdbcConnectionPool.create(dbUrl, "sa", "");
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("runscript from 'classpath:/db/schema.sql' charset 'UTF-8'");
            }
        }
        return dataSource;
    }

    /** Delivery reports stored already, by batchID, msgID and status: a table every instance shares. */
    @BindToRegistry("reportIds")
    public IdempotentRepository reportIds() throws SQLException {
        return new SharedReportIds(dataSource(), "delivery-reports");
    }

    @BindToRegistry("monitor")
    public synchronized CampaignMonitor monitor() throws SQLException, IOException {
        if (monitor == null) {
            monitor = new CampaignMonitor(dataSource(), keepRunning, countCampaigns(work().resolve("inbox")), batchSize,
                    timeoutSeconds * 1000);
            if (isJms()) {
                monitor.resume("jms");
            }
        }
        return monitor;
    }

    @BindToRegistry("campaigns")
    public CampaignService campaigns() throws SQLException, IOException {
        return new CampaignService(work(), monitor(), isJms());
    }

    @BindToRegistry("reports")
    public ReportService reports() {
        return new ReportService();
    }

    /** The broker's connection factory, which the jms component finds in the registry (it connects when first used). */
    @BindToRegistry("connectionFactory")
    public ConnectionFactory connectionFactory() {
        return new ActiveMQConnectionFactory(brokerUrl);
    }

    /** The jms component's header filter (application.properties names it): lets CamelMitakeMmsCids cross the broker. */
    @BindToRegistry("jmsHeaders")
    public JmsCidsHeaderFilter jmsHeaders() {
        return new JmsCidsHeaderFilter();
    }

    /** The routes of the chosen pipeline and language, and the embedded broker when the JMS pipeline needs one. */
    @Override
    public void configure(CamelContext context) throws Exception {
        if (isJms()) {
            if ("yaml".equalsIgnoreCase(dsl)) {
                throw new IllegalArgumentException("example.dsl=yaml has the file pipeline's routes only: run "
                                                   + "example.source=jms with example.dsl=java");
            }
            if (context.getPropertiesComponent().resolveProperty("example.jms.embedded-broker").map(Boolean::parseBoolean)
                    .orElse(true)) {
                EmbeddedBroker broker = new EmbeddedBroker(work().resolve("broker"), brokerUrl,
                        property(context, "example.jms.broker-listen"),
                        property(context, "example.jms.dead-letter-queue"),
                        Integer.parseInt(property(context, "example.jms.max-deliveries")) + 1,
                        Long.parseLong(property(context, "example.jms.redelivery-delay")));
                context.getRegistry().bind("broker", broker);
                context.addService(broker, true, true);
            }
            context.addRoutes(new QueueRoutes());
        } else if (!"file".equalsIgnoreCase(source)) {
            throw new IllegalArgumentException("example.source is file or jms, not " + source);
        }
        if ("yaml".equalsIgnoreCase(dsl)) {
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    PluginHelper.getPackageScanResourceResolver(context).findResources("classpath:routes-yaml/*.yaml"));
            return;
        }
        context.addRoutes(new CampaignRoutes());
        if (!isJms()) {
            context.addRoutes(new PushRoutes());
        }
        context.addRoutes(new DeliveryReportRoutes());
        context.addRoutes(new ReconcileRoutes());
    }

    private boolean isJms() {
        return "jms".equalsIgnoreCase(source);
    }

    private Path work() {
        return Path.of(workDir).toAbsolutePath().normalize();
    }

    private static String property(CamelContext context, String key) {
        return context.getPropertiesComponent().resolveProperty(key).orElse("");
    }

    private static int countCampaigns(Path inbox) throws IOException {
        if (!Files.isDirectory(inbox)) {
            return 0;
        }
        try (Stream<Path> folders = Files.list(inbox)) {
            return (int) folders.filter(f -> Files.isRegularFile(f.resolve("recipients.csv"))).count();
        }
    }
}
