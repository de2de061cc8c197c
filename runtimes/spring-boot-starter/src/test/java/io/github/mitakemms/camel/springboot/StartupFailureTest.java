package io.github.mitakemms.camel.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A Spring Boot application with a sending route and no camel.component.mitake-mms.base-url does not start, and Spring
 * Boot's failure report names the key to set.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class PushWithoutBaseUrl {

        @Bean
        RouteBuilder pushRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:mms").to("mitake-mms:push");
                }
            };
        }
    }

    @Test
    void missingBaseUrlFailsStartupNamingTheKey(CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(PushWithoutBaseUrl.class)
                .web(WebApplicationType.NONE)
                .properties("spring.config.name=no-such-file",
                        "camel.component.mitake-mms.client-id=acme",
                        "camel.component.mitake-mms.client-secret=Pa55-never-printed");

        assertThatThrownBy(app::run).hasStackTraceContaining("camel.component.mitake-mms.base-url is not set");

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("mitake-mms:push sends MMS through the Mitake gateway, but camel.component.mitake-mms.base-url"
                          + " is not set (nor the baseUrl option on the endpoint).")
                .contains("camel.component.mitake-mms.base-url=${MITAKE_BASE_URL}")
                .doesNotContain("Pa55-never-printed");
    }
}
