package io.github.mitakemms.camel.producer;

import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.mitakemms.camel.MitakeMmsConstants;
import io.github.mitakemms.camel.exception.MitakeMmsAccountingException;
import io.github.mitakemms.camel.exception.MitakeMmsAuthenticationException;
import io.github.mitakemms.camel.exception.MitakeMmsException;
import io.github.mitakemms.camel.exception.MitakeMmsRejectedException;
import io.github.mitakemms.camel.exception.MitakeMmsRequestException;
import io.github.mitakemms.camel.exception.MitakeMmsRetryableException;
import io.github.mitakemms.camel.model.MmsStatus;
import io.github.mitakemms.camel.model.PushResult;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class ErrorsTest extends GatewayTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:push").to("mitake-mms:push?subject=S&requestTimeout=500");
                from("direct:strict").to("mitake-mms:push?subject=S&throwOnRejected=true");
            }
        };
    }

    private Exchange push(String uri) {
        return template.request(uri, e -> {
            e.getMessage().setBody(png());
            e.getMessage().setHeader(MitakeMmsConstants.ATTACHMENT_NAME, "p.png");
            e.getMessage().setHeader(MitakeMmsConstants.TO, "0911111111,0922222222");
        });
    }

    static Stream<Arguments> codes() {
        return Stream.of(
                Arguments.of(200, "9999", MitakeMmsRetryableException.class, true),
                Arguments.of(200, "1007", MitakeMmsRetryableException.class, true),
                Arguments.of(200, "1001", MitakeMmsAuthenticationException.class, false),
                Arguments.of(200, "1003", MitakeMmsAuthenticationException.class, false),
                Arguments.of(200, "1006", MitakeMmsAuthenticationException.class, false),
                Arguments.of(200, "1010", MitakeMmsAuthenticationException.class, false),
                Arguments.of(200, "1008", MitakeMmsRequestException.class, false),
                Arguments.of(200, "1009", MitakeMmsRequestException.class, false),
                Arguments.of(200, "2002", MitakeMmsRequestException.class, false),
                Arguments.of(200, "2020", MitakeMmsRequestException.class, false),
                Arguments.of(200, "3001", MitakeMmsAccountingException.class, false),
                Arguments.of(200, "4003", MitakeMmsRequestException.class, false),
                Arguments.of(400, "4003", MitakeMmsRequestException.class, false),
                Arguments.of(500, "9999", MitakeMmsRetryableException.class, true));
    }

    @ParameterizedTest(name = "HTTP {0} code {1} -> {2}")
    @MethodSource("codes")
    void aFailureCodeIsAFailureWhateverTheHttpStatus(int http, String code, Class<?> kind, boolean retryable) {
        gateway.stubFor(post(urlEqualTo("/msg/mms/json")).willReturn(aResponse().withStatus(http)
                .withBody("{\"code\":\"" + code + "\",\"description\":\"desc " + code + "\"}")));

        Exchange out = push("direct:push");

        assertThat(out.getException()).isInstanceOfSatisfying(MitakeMmsException.class, e -> {
            assertThat(e).isExactlyInstanceOf(kind);
            assertThat(e.getCode()).isEqualTo(code);
            assertThat(e.getDescription()).isEqualTo("desc " + code);
            assertThat(e.getHttpStatus()).isEqualTo(http);
            assertThat(e.isRetryable()).isEqualTo(retryable);
            assertThat(e.getMessage()).contains("push").contains(code);
        });
    }

    @Test
    void aNumericCodeWithoutDescriptionGetsTheSpecsText() {
        gateway.stubFor(post(urlEqualTo("/msg/mms/json")).willReturn(aResponse().withBody("{\"code\":3001}")));
        assertThat(push("direct:push").getException()).isInstanceOfSatisfying(MitakeMmsAccountingException.class,
                e -> assertThat(e.getDescription()).isEqualTo("帳務處理失敗"));
    }

    static Stream<Arguments> httpFailures() {
        return Stream.of(
                Arguments.of(aResponse().withStatus(500), 500),
                Arguments.of(aResponse().withStatus(502).withBody("<html>Bad gateway</html>"), 502),
                Arguments.of(aResponse().withStatus(503), 503),
                Arguments.of(aResponse().withStatus(200).withBody("not json"), 200),
                Arguments.of(aResponse().withStatus(200), 200),
                Arguments.of(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), 0),
                Arguments.of(aResponse().withFault(Fault.EMPTY_RESPONSE), 0),
                Arguments.of(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE), 0),
                Arguments.of(aResponse().withFixedDelay(1500).withBody("{}"), 0));
    }

    @ParameterizedTest(name = "[{index}] -> retryable, HTTP {1}")
    @MethodSource("httpFailures")
    void serverErrorsIoErrorsAndTimeoutsAreRetryable(
            com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response, int http) {
        gateway.stubFor(post(urlEqualTo("/msg/mms/json")).willReturn(response));

        Exchange out = push("direct:push");

        assertThat(out.getException()).isInstanceOfSatisfying(MitakeMmsRetryableException.class, e -> {
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.getHttpStatus()).isEqualTo(http);
        });
    }

    @Test
    void aClientErrorWithoutCodeIsARequestFailure() {
        gateway.stubFor(post(urlEqualTo("/msg/mms/json")).willReturn(aResponse().withStatus(404)));
        assertThat(push("direct:push").getException()).isExactlyInstanceOf(MitakeMmsRequestException.class)
                .hasMessageContaining("HTTP 404");
    }

    private static final String PARTLY_REFUSED = """
            {"batchID":7,"messages":[
              {"msgID":70,"cID":"a","status":"1","statusDesc":"已送達三竹","point":3},
              {"cID":"b","status":"2011","statusDesc":"手機號碼格式錯誤"}],"costPoints":3,"accountPoints":10}""";

    @Test
    void refusedDestinationsAreReportedInTheResult() {
        stubMms("push", PARTLY_REFUSED);

        Exchange out = push("direct:push");

        assertThat(out.getException()).isNull();
        PushResult result = out.getMessage().getBody(PushResult.class);
        assertThat(result.getRejected()).hasSize(1);
        assertThat(result.getRejected().get(0).getMmsStatus()).isEqualTo(MmsStatus.NUMBER_INVALID);
        assertThat(result.getMsgIds()).containsExactly("70");
    }

    @Test
    void refusedDestinationsFailTheExchangeWithThrowOnRejected() {
        stubMms("push", PARTLY_REFUSED);

        Exchange out = push("direct:strict");

        assertThat(out.getException()).isInstanceOfSatisfying(MitakeMmsRejectedException.class, e -> {
            assertThat(e.getMessage()).contains("1 of 2").contains("2011");
            assertThat(e.getResult().getMsgIds()).containsExactly("70");
            assertThat(e.isRetryable()).isFalse();
        });
    }
}
