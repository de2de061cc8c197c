package io.github.mitakemms.camel.consumer;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import org.apache.camel.BindToRegistry;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route of the documentation: delivery reports written to a database with camel-sql, duplicates kept in the same
 * database. A failing database makes the gateway send the callback again.
 */
class CallbackSqlRouteTest extends CallbackTestSupport {

    @BindToRegistry("dataSource")
    private final DataSource dataSource = dataSource();

    @BindToRegistry("callbackRepository")
    private final JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, "mitake-mms-callback");

    private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("mitake.callback.path", "/mitake/3f9a7c2e-b6f1-4c55-9d1e-0a8e4b7c6d21");
        properties.put("mitake.callback.allowed-sources", "127.0.0.1, ::1");
        return properties;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("mitake-mms:callback?path={{mitake.callback.path}}"
                     + "&allowedSources={{mitake.callback.allowed-sources}}"
                     + "&idempotentRepository=#callbackRepository")
                        .to("sql:update sent set status = :#${header.CamelMitakeMmsStatus},"
                            + " status_time = :#${header.CamelMitakeMmsStatusTime}"
                            + " where msg_id = :#${header.CamelMitakeMmsMsgId}");
            }
        };
    }

    @BeforeEach
    void createTables() {
        jdbc.execute("drop table if exists sent");
        jdbc.execute("create table sent (msg_id varchar(64) primary key, status varchar(8), status_time varchar(14))");
        jdbc.update("insert into sent (msg_id) values ('301786034575282175'), ('301786034986323969')");
    }

    @Test
    void reportsAreWrittenToTheDatabase() {
        assertThat(post("/mitake/3f9a7c2e-b6f1-4c55-9d1e-0a8e4b7c6d21", specExample()).statusCode()).isEqualTo(200);

        List<Map<String, Object>> rows = jdbc.queryForList("select msg_id, status, status_time from sent order by msg_id");
        assertThat(rows).extracting(row -> row.get("STATUS")).containsExactly("0", "0");
        assertThat(rows).extracting(row -> row.get("STATUS_TIME")).containsOnly("20200828162035");
        assertThat(jdbc.queryForObject("select count(*) from CAMEL_MESSAGEPROCESSED", Integer.class)).isEqualTo(2);
    }

    @Test
    void aDatabaseFailureGives500AndTheResendIsWritten() {
        jdbc.execute("alter table sent rename to sent_offline");

        assertThat(post("/mitake/3f9a7c2e-b6f1-4c55-9d1e-0a8e4b7c6d21", specExample()).statusCode()).isEqualTo(500);
        // the failed reports were not kept as processed
        assertThat(jdbc.queryForObject("select count(*) from CAMEL_MESSAGEPROCESSED", Integer.class)).isZero();

        jdbc.execute("alter table sent_offline rename to sent");
        assertThat(post("/mitake/3f9a7c2e-b6f1-4c55-9d1e-0a8e4b7c6d21", specExample()).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForList("select status from sent", String.class)).containsOnly("0");
    }

    private static DataSource dataSource() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:callback-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }
}
