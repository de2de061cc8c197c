package io.github.mitakemms.camel.springboot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
 * Boot's failure report, as the README shows it, names the key to set.
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
    void missingBaseUrlFailsStartupNamingTheKey(CapturedOutput output) throws IOException {
        SpringApplicationBuilder app = new SpringApplicationBuilder(PushWithoutBaseUrl.class)
                .web(WebApplicationType.NONE)
                .properties("spring.config.name=no-such-file",
                        "camel.component.mitake-mms.client-id=acme",
                        "camel.component.mitake-mms.client-secret=Pa55-never-printed");

        assertThatThrownBy(app::run).hasStackTraceContaining("camel.component.mitake-mms.base-url is not set");

        assertThat(output).contains("mitake-mms:push sends MMS through the Mitake gateway, but"
                                    + " camel.component.mitake-mms.base-url is not set (nor the baseUrl option on the"
                                    + " endpoint).")
                .doesNotContain("Pa55-never-printed");
        // the report as the README shows it, line by line
        for (String line : readmeReport()) {
            assertThat(output).contains(line);
        }
    }

    private static List<String> readmeReport() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int at = readme.indexOf("APPLICATION FAILED TO START");
        String block = readme.substring(readme.lastIndexOf("```", at) + 3, readme.indexOf("```", at));
        List<String> lines = block.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertThat(lines).hasSizeGreaterThan(5);
        return lines;
    }
}
