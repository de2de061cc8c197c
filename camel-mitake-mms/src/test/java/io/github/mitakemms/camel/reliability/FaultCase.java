package io.github.mitakemms.camel.reliability;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.mitakemms.camel.exception.MitakeMmsAccountingException;
import io.github.mitakemms.camel.exception.MitakeMmsAuthenticationException;
import io.github.mitakemms.camel.exception.MitakeMmsException;
import io.github.mitakemms.camel.exception.MitakeMmsRequestException;
import io.github.mitakemms.camel.exception.MitakeMmsRetryableException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * What a gateway can do wrong, as WireMock responses, with the exception kind the component must turn it into.
 */
enum FaultCase {

    CONNECTION_RESET("connection reset by peer", MitakeMmsRetryableException.class),
    EMPTY_RESPONSE("empty response, connection closed", MitakeMmsRetryableException.class),
    GARBAGE_THEN_CLOSE("random bytes, then close", MitakeMmsRetryableException.class),
    MALFORMED_CHUNK("200 with a malformed chunk", MitakeMmsRetryableException.class),
    DELAY_PAST_TIMEOUT("answer delayed past requestTimeout", MitakeMmsRetryableException.class),
    HTTP_500("HTTP 500, HTML body", MitakeMmsRetryableException.class),
    HTTP_502("HTTP 502, empty body", MitakeMmsRetryableException.class),
    HTTP_503("HTTP 503, Retry-After", MitakeMmsRetryableException.class),
    NOT_JSON("HTTP 200, body not JSON", MitakeMmsRetryableException.class),
    CODE_9999("code 9999 system error", MitakeMmsRetryableException.class),
    CODE_1007("code 1007 too many connections", MitakeMmsRetryableException.class),
    CODE_1005("code 1005 token expired", MitakeMmsAuthenticationException.class),
    CODE_1003("code 1003 invalid credentials", MitakeMmsAuthenticationException.class),
    CODE_2002("code 2002 subject too long", MitakeMmsRequestException.class),
    CODE_3001("code 3001 accounting failed", MitakeMmsAccountingException.class),
    CODE_4003("code 4003 malformed request", MitakeMmsRequestException.class);

    /** requestTimeout of the reliability tests, in milliseconds: far above any healthy call on a busy machine. */
    static final int REQUEST_TIMEOUT = 10_000;
    /**
     * requestTimeout of the DELAY_PAST_TIMEOUT case, and of CODE_1007 (made again inside the producer while the timeout
     * lasts), short to keep the suite fast.
     */
    static final int SHORT_REQUEST_TIMEOUT = 1_000;
    /** How late DELAY_PAST_TIMEOUT answers. */
    static final int DELAY = 2_000;

    final String label;
    final Class<? extends MitakeMmsException> kind;

    FaultCase(String label, Class<? extends MitakeMmsException> kind) {
        this.label = label;
        this.kind = kind;
    }

    /** The endpoint option that gives the case its requestTimeout: the short one only where the case needs it. */
    String timeoutOption() {
        return "&requestTimeout="
               + (this == DELAY_PAST_TIMEOUT || this == CODE_1007 ? SHORT_REQUEST_TIMEOUT : REQUEST_TIMEOUT);
    }

    boolean retryable() {
        return kind == MitakeMmsRetryableException.class;
    }

    /** The code in the body, or null for transport and HTTP faults. */
    String code() {
        return name().startsWith("CODE_") ? name().substring(5) : null;
    }

    ResponseDefinitionBuilder response() {
        return switch (this) {
            case CONNECTION_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            case EMPTY_RESPONSE -> aResponse().withFault(Fault.EMPTY_RESPONSE);
            case GARBAGE_THEN_CLOSE -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE);
            case MALFORMED_CHUNK -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK);
            case DELAY_PAST_TIMEOUT -> json("{\"batchID\":\"late\",\"messages\":[]}").withFixedDelay(DELAY);
            case HTTP_500 -> aResponse().withStatus(500).withHeader("Content-Type", "text/html")
                    .withBody("<html><body><h1>500 Internal Server Error</h1></body></html>");
            case HTTP_502 -> aResponse().withStatus(502);
            case HTTP_503 -> aResponse().withStatus(503).withHeader("Retry-After", "1")
                    .withHeader("Content-Type", "text/plain").withBody("Service Unavailable");
            case NOT_JSON -> aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                    .withBody("<html><body>maintenance</body></html>");
            default -> json("{\"code\":\"" + code() + "\",\"description\":\"" + describe() + "\"}");
        };
    }

    private String describe() {
        return switch (this) {
            case CODE_9999 -> "系統錯誤";
            case CODE_1007 -> "連線數超過上限";
            case CODE_1005 -> "認證資訊已過期";
            case CODE_1003 -> "無效認證資訊";
            case CODE_2002 -> "主旨長度超過上限";
            case CODE_3001 -> "帳務處理失敗";
            case CODE_4003 -> "電文格式不正確";
            default -> "";
        };
    }

    static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }
}
