package io.github.mitakemms.camel.springboot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The Spring Boot applications the tests start: auto-configuration as a user's application has it, without component
 * scanning so that each test picks its routes.
 */
final class TestApplications {

    private TestApplications() {
    }

    /** The README's application: it pushes and receives reports. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({ MmsRoutes.class, Reports.class })
    static class PushAndCallback {
    }

    /** An application that only receives reports. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(Reports.class)
    static class CallbackOnly {

        @Bean
        RouteBuilder callbackRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("mitake-mms:callback").to("direct:report");
                }
            };
        }
    }

    /** Keeps the headers of every report the callback route handled. */
    static class Reports extends RouteBuilder {

        final List<Exchange> received = new CopyOnWriteArrayList<>();

        @Override
        public void configure() {
            from("direct:report").routeId("reports").process(e -> received.add(e.copy()));
        }

        List<String> msgIds() {
            List<String> ids = new ArrayList<>();
            for (Exchange e : received) {
                ids.add(e.getMessage().getHeader("CamelMitakeMmsMsgId", String.class));
            }
            return ids;
        }
    }
}
