package io.github.mitakemms.camel.quarkus.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.github.mitakemms.camel.MitakeMmsConstants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's delivery reports, posted to the callback route on Quarkus' own HTTP port. */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class QuarkusCallbackTest {

    @Inject
    ReceivedReports reports;

    @BeforeEach
    void forgetEarlierReports() {
        reports.clear();
    }

    @Test
    void theSpecsCallbackExampleIsAnsweredWith200OnceEveryReportIsRouted() throws IOException {
        given().contentType(ContentType.JSON)
                .body(specExample())
                .when().post(CallbackRoutes.PATH)
                .then().statusCode(200);

        // the consumer answers only after the route handled every report: they are all here already
        List<Map<String, Object>> received = reports.all();
        assertThat(received).hasSize(2);
        assertThat(received).extracting(h -> h.get(MitakeMmsConstants.MSG_ID))
                .containsExactlyInAnyOrder("301786034575282175", "301786034986323969");
        assertThat(received).allSatisfy(h -> {
            assertThat(h.get(MitakeMmsConstants.BATCH_ID)).isEqualTo("301786034222960645");
            assertThat(h.get(MitakeMmsConstants.STATUS)).isEqualTo("0");
            assertThat(h.get(MitakeMmsConstants.STATUS_TIME)).isEqualTo("20200828162035");
            assertThat(h.get(MitakeMmsConstants.POINT)).isEqualTo(new java.math.BigDecimal("3"));
        });
    }

    @Test
    void aBodyWithNoReadableReportIsRefusedWith400() {
        given().contentType(ContentType.JSON)
                .body("{\"messages\":\"none\"")
                .when().post(CallbackRoutes.PATH)
                .then().statusCode(400);

        assertThat(reports.all()).isEmpty();
    }

    /** The spec's callback example (主動回報 Callback), copied unchanged from the component's test resources. */
    private static String specExample() throws IOException {
        try (InputStream in = QuarkusCallbackTest.class.getResourceAsStream("/spec/callback-request.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
