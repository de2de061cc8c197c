package io.github.mitakemms.camel.example;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery reports claimed already, in camel-sql's table CAMEL_MESSAGEPROCESSED, shared by every instance of the
 * application. Two instances may be handed the same report at the same moment (a gateway resending a callback to
 * another machine): both find it unclaimed, both insert it, and the table's primary key lets one through. The other's
 * insert fails; here that means the report is claimed already, a duplicate, and not an error.
 * <p>
 * Each claim is one statement, not a transaction around the check and the insert, which costs H2 several commits a
 * report; the primary key makes the claim safe without it.
 */
public class SharedReportIds extends JdbcMessageIdRepository {

    public SharedReportIds(DataSource dataSource, String processorName) {
        super(new JdbcTemplate(dataSource), statementByStatement(dataSource));
        setProcessorName(processorName);
    }

    @Override
    public boolean add(String key) {
        try {
            return super.add(key);
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private static TransactionTemplate statementByStatement(DataSource dataSource) {
        TransactionTemplate template = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
        return template;
    }
}
