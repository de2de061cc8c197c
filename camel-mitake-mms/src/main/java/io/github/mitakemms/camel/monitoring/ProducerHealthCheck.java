package io.github.mitakemms.camel.monitoring;

import java.math.BigDecimal;

import io.github.mitakemms.camel.client.MitakeMmsGateway;
import io.github.mitakemms.camel.exception.MitakeMmsException;
import io.github.mitakemms.camel.model.ApiCode;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness of one account: UP when its access token is valid or can be obtained, which proves the credentials (1003),
 * the caller's address (1006) and that the gateway is reachable, without sending anything. The gateway's cached token
 * answers when there is one, and a failed token request answers for 30 seconds: the check never costs more than one
 * token request per token lifetime. DOWN too when the latest push reported fewer points than lowBalanceThreshold (Camel's
 * health checks have no WARN state).
 */
public final class ProducerHealthCheck extends MitakeMmsHealthCheck {

    private final MitakeMmsGateway gateway;

    public ProducerHealthCheck(String id, MitakeMmsGateway gateway) {
        super(id);
        this.gateway = gateway;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder) {
        MitakeMmsStatistics stats = gateway.statistics();
        builder.detail(ACCOUNT, stats.name());
        MitakeMmsException failure = gateway.readiness();
        if (failure != null) {
            String code = failure.getCode();
            String text = failure.getDescription() != null ? failure.getDescription() : ApiCode.describe(code);
            if (code != null) {
                builder.detail(CODE, code);
            }
            if (text != null) {
                builder.detail(DESCRIPTION, text);
            }
            if (failure.getHttpStatus() > 0) {
                builder.detail(HTTP_RESPONSE_CODE, failure.getHttpStatus());
            }
            builder.message("Mitake MMS account " + stats.name() + " cannot obtain an access token: "
                            + failure.getMessage());
            builder.error(failure);
            builder.down();
            return;
        }
        BigDecimal points = stats.accountPoints();
        BigDecimal threshold = stats.lowBalanceThreshold();
        if (points != null) {
            builder.detail("mitake.accountPoints", points.toPlainString());
        }
        if (threshold != null) {
            builder.detail("mitake.lowBalanceThreshold", threshold.toPlainString());
            if (points != null && points.compareTo(threshold) < 0) {
                builder.message("Mitake MMS account " + stats.name() + " has " + points.toPlainString()
                                + " points left, below lowBalanceThreshold " + threshold.toPlainString());
                builder.down();
                return;
            }
        }
        builder.up();
    }
}
