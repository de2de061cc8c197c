package io.github.mitakemms.camel.springboot;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that only receives reports, on the real embedded Tomcat, with no gateway URL and no credentials:
 * it starts, and the allow-list it gets from its properties refuses the loopback address the test posts from.
 */
@SpringBootTest(classes = TestApplications.CallbackOnly.class,
                webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {
                        "spring.config.name=callback-only",
                        "MITAKE_CALLBACK_TOKEN=c0ffee",
                        "MITAKE_CALLBACK_SOURCES=203.0.113.0/24, 2001:db8::/32" })
class AllowedSourcesOnTomcatTest {

    @LocalServerPort
    int port;

    @Autowired
    TestApplications.Reports reports;

    @Test
    void sourceNotListedIsRefusedWith403() {
        HttpResponse<String> response = Http.postJson("http://127.0.0.1:" + port + "/mitake/c0ffee",
                Http.specCallbackExample());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(reports.received).isEmpty();
    }
}
