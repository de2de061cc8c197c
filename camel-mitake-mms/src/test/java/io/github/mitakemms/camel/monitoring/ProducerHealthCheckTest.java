package io.github.mitakemms.camel.monitoring;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account's readiness check, as Camel's health API returns it: UP and DOWN for each cause, and never a token
 * request more than the calls need.
 */
class ProducerHealthCheckTest extends OperationsTestSupport {

    private static final String CHECK = "mitake-mms-producer-" + CLIENT_ID;

    private void route(String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:push").routeId("pushes").to("mitake-mms:push?subject=Hello" + options);
            }
        });
        context.start();
    }

    private HealthCheck.Result check() {
        Collection<HealthCheck.Result> all = HealthCheckHelper.invoke(context);
        Optional<HealthCheck.Result> mine = all.stream().filter(r -> r.getCheck().getId().equals(CHECK)).findFirst();
        assertThat(mine).as("the check %s among %s", CHECK, all.stream().map(r -> r.getCheck().getId()).toList())
                .isPresent();
        HealthCheck.Result r = mine.get();
        String shown = r.getMessage().orElse("") + " " + r.getDetails() + " " + r.getError().map(Throwable::toString).orElse("");
        assertThat(shown).doesNotContain(CLIENT_SECRET).doesNotContain(TOKEN);
        return r;
    }

    @Test
    void upOnceATokenIsObtainedAndNoTokenRequestForLaterChecksNorForThePushes() throws Exception {
        route("");
        HealthCheck.Result r = check();
        assertThat(r.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(r.getDetails()).containsEntry(MitakeMmsHealthCheck.ACCOUNT, CLIENT_ID + "@" + hostPort());
        for (int i = 0; i < 10; i++) {
            assertThat(check().getState()).isEqualTo(HealthCheck.State.UP);
        }
        stubMms("push", PUSH_OK.formatted("9994"));
        assertThat(push("direct:push").getException()).isNull();
        assertThat(check().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(tokenRequests()).as("token requests for 12 checks and a push").isEqualTo(1);
    }

    @Test
    void aPushFirstThenTheCheckUsesItsToken() throws Exception {
        route("");
        stubMms("push", PUSH_OK.formatted("9994"));
        assertThat(push("direct:push").getException()).isNull();
        assertThat(check().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(tokenRequests()).isEqualTo(1);
    }

    @Test
    void downWithCode1003WhenTheCredentialsAreRefused() throws Exception {
        stubTokenRefused("1003", "無效認證資訊");
        route("");
        HealthCheck.Result r = check();
        assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(r.getDetails()).containsEntry(MitakeMmsHealthCheck.CODE, "1003")
                .containsEntry(MitakeMmsHealthCheck.DESCRIPTION, "無效認證資訊");
        assertThat(r.getMessage()).get().asString().contains("1003");
        // a refused token request answers the next checks: no request for each
        for (int i = 0; i < 5; i++) {
            assertThat(check().getState()).isEqualTo(HealthCheck.State.DOWN);
        }
        assertThat(tokenRequests()).isEqualTo(1);
    }

    @Test
    void downWithCode1006WhenTheCallersAddressIsRefused() throws Exception {
        stubTokenRefused("1006", "無效連線位址");
        route("");
        HealthCheck.Result r = check();
        assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(r.getDetails()).containsEntry(MitakeMmsHealthCheck.CODE, "1006")
                .containsEntry(MitakeMmsHealthCheck.DESCRIPTION, "無效連線位址");
    }

    @Test
    void downWhenTheGatewayCannotBeReached() throws Exception {
        int closed = AvailablePortFinder.getNextAvailable();
        route("&baseUrl=http://127.0.0.1:" + closed + "&connectTimeout=2000");
        HealthCheck.Result r = check();
        assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(r.getMessage()).get().asString().contains("I/O error");
        assertThat(r.getDetails()).doesNotContainKey(MitakeMmsHealthCheck.CODE);
    }

    @Test
    void downBelowTheLowBalanceThresholdAndUpAgainAbove() throws Exception {
        route("&lowBalanceThreshold=10000");
        assertThat(check().getState()).isEqualTo(HealthCheck.State.UP);
        stubMms("push", PUSH_OK.formatted("9994"));
        assertThat(push("direct:push").getException()).isNull();
        HealthCheck.Result r = check();
        assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(r.getMessage()).get().asString().contains("9994 points left, below lowBalanceThreshold 10000");
        assertThat(r.getDetails()).containsEntry("mitake.accountPoints", "9994")
                .containsEntry("mitake.lowBalanceThreshold", "10000");

        stubMms("push", PUSH_OK.formatted("12000.5"));
        assertThat(push("direct:push").getException()).isNull();
        assertThat(check().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(tokenRequests()).isEqualTo(1);
    }

    @Test
    void theCheckLeavesWithTheLastProducer() throws Exception {
        route("");
        assertThat(check().getState()).isEqualTo(HealthCheck.State.UP);
        context.getRouteController().stopRoute("pushes");
        context.removeRoute("pushes");
        assertThat(HealthCheckHelper.invoke(context)).extracting(r -> r.getCheck().getId()).doesNotContain(CHECK);
    }

    private String hostPort() {
        return "localhost:" + gateway.port();
    }

    static Map<String, Object> details(HealthCheck.Result r) {
        return r.getDetails();
    }
}
