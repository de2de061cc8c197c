package io.github.mitakemms.camel.springboot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mitakemms.camel.MitakeMmsComponent;
import io.github.mitakemms.camel.MitakeMmsConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The properties applied to the component, without a web server: every option of the component set through its key,
 * the switches of the starter, and the check of a sending route's required properties.
 */
class PropertyBindingTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    MitakeMmsComponentAutoConfiguration.class));

    @Test
    void everyOptionOfTheComponentIsAppliedFromItsKey() {
        Map<String, JsonNode> options = ComponentOptions.component();
        List<String> properties = new ArrayList<>();
        options.forEach((option, json) -> properties.add(ComponentOptions.key(option) + "=" + sample(option, json)));

        runner.withPropertyValues(properties.toArray(String[]::new))
                .withBean("mySsl", SSLContextParameters.class, SSLContextParameters::new)
                .withBean("reportsSeen", IdempotentRepository.class, MemoryIdempotentRepository::new)
                .withBean("sharedConfiguration", MitakeMmsConfiguration.class, MitakeMmsConfiguration::new)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    MitakeMmsComponent component = component(context.getBean(CamelContext.class));
                    PropertyConfigurerGetter getter = (PropertyConfigurerGetter) component.getComponentPropertyConfigurer();
                    List<String> wrong = new ArrayList<>();
                    options.forEach((option, json) -> {
                        Object expected = expected(option, json, context);
                        Object actual = getter.getOptionValue(component, option, false);
                        if (!expected.equals(actual)) {
                            wrong.add(option + ": " + actual + " instead of " + expected);
                        }
                    });
                    assertThat(wrong).isEmpty();
                    // the whole configuration first, the single options on top of it
                    assertThat(component.getConfiguration()).isSameAs(context.getBean("sharedConfiguration"));
                });
    }

    @Test
    void unsetPropertiesLeaveTheComponentsDefaults() {
        runner.withPropertyValues("camel.component.mitake-mms.subject=Hi").run(context -> {
            MitakeMmsConfiguration config = component(context.getBean(CamelContext.class)).getConfiguration();
            MitakeMmsConfiguration defaults = new MitakeMmsConfiguration();
            assertThat(config.getSubject()).isEqualTo("Hi");
            assertThat(config.getConnectTimeout()).isEqualTo(defaults.getConnectTimeout());
            assertThat(config.getMaxConnections()).isEqualTo(defaults.getMaxConnections());
            assertThat(config.isValidate()).isEqualTo(defaults.isValidate());
            assertThat(config.getPath()).isEqualTo(defaults.getPath());
        });
    }

    @Test
    void cidSeedKeepsItsSimpleExpressionAsWrittenOrEscaped() {
        for (String written : new String[] { "${header.JMSMessageID}", "\\${header.JMSMessageID}" }) {
            runner.withPropertyValues("camel.component.mitake-mms.cid-seed=" + written).run(context -> {
                MitakeMmsConfiguration config = component(context.getBean(CamelContext.class)).getConfiguration();
                assertThat(config.getCidSeed()).isEqualTo("${header.JMSMessageID}");
            });
        }
    }

    @Test
    void disabledLeavesTheComponentUnconfigured() {
        runner.withPropertyValues("camel.component.mitake-mms.enabled=false",
                "camel.component.mitake-mms.subject=Hi").run(context -> {
                    assertThat(context).doesNotHaveBean(MitakeMmsComponentConfiguration.class);
                    assertThat(component(context.getBean(CamelContext.class)).getConfiguration().getSubject()).isNull();
                });
    }

    @Test
    void applicationsOwnCustomizerRunsAfterTheProperties() {
        runner.withPropertyValues("camel.component.mitake-mms.subject=From properties",
                "camel.component.mitake-mms.project-name=From properties")
                .withBean("myCustomizer", ComponentCustomizer.class, () -> ComponentCustomizer.forType(
                        MitakeMmsComponent.class, c -> c.getConfiguration().setProjectName("From customizer")))
                .run(context -> {
                    MitakeMmsConfiguration config = component(context.getBean(CamelContext.class)).getConfiguration();
                    assertThat(config.getSubject()).isEqualTo("From properties");
                    assertThat(config.getProjectName()).isEqualTo("From customizer");
                });
    }

    @Test
    void sendingRouteWithoutGatewayFailsNamingTheSpringKeys() {
        runner.withPropertyValues("camel.component.mitake-mms.client-id=acme")
                .withBean(RouteBuilder.class, () -> route("mitake-mms:push"))
                .run(context -> {
                    assertThat(context).hasFailed();
                    MitakeMmsPropertiesException missing = find(context.getStartupFailure());
                    assertThat(missing.getKeys()).containsExactly("camel.component.mitake-mms.base-url",
                            "camel.component.mitake-mms.client-secret");
                    assertThat(missing.getMessage()).isEqualTo("mitake-mms:push sends MMS through the Mitake gateway,"
                                                               + " but camel.component.mitake-mms.base-url,"
                                                               + " camel.component.mitake-mms.client-secret are not set"
                                                               + " (nor the baseUrl, clientSecret option on the endpoint)");
                });
    }

    @Test
    void placeholderSpringCouldNotResolveFailsInsteadOfBeingSent() {
        runner.withPropertyValues("camel.component.mitake-mms.base-url=https://mms.example.com.tw",
                "camel.component.mitake-mms.client-id=${MITAKE_CLIENT_ID_NOT_SET}",
                "camel.component.mitake-mms.client-secret=${MITAKE_CLIENT_SECRET_NOT_SET}",
                "camel.component.mitake-mms.path=/mitake/${MITAKE_CALLBACK_TOKEN_NOT_SET:c0ffee}",
                "camel.component.mitake-mms.cid-seed=${header.JMSMessageID}")
                .withBean(RouteBuilder.class, () -> route("mitake-mms:push"))
                .run(context -> {
                    assertThat(context).hasFailed();
                    MitakeMmsPropertiesException failure = find(context.getStartupFailure());
                    assertThat(failure.getKeys()).containsExactly("camel.component.mitake-mms.client-id",
                            "camel.component.mitake-mms.client-secret");
                    assertThat(failure.getMessage()).isEqualTo("Spring could not resolve the placeholders of"
                                                               + " camel.component.mitake-mms.client-id"
                                                               + " (${MITAKE_CLIENT_ID_NOT_SET}),"
                                                               + " camel.component.mitake-mms.client-secret"
                                                               + " (${MITAKE_CLIENT_SECRET_NOT_SET}): the text would be"
                                                               + " used as it is");
                    assertThat(failure.getAction()).startsWith(
                            "Give MITAKE_CLIENT_ID_NOT_SET, MITAKE_CLIENT_SECRET_NOT_SET a value");
                });
    }

    @Test
    void placeholderInsideTheValueIsFoundAndThePasswordIsFreeText() {
        runner.withPropertyValues("camel.component.mitake-mms.base-url=https://mms.example.com.tw",
                "camel.component.mitake-mms.client-id=acme",
                "camel.component.mitake-mms.client-secret=Pa${55}word",
                "camel.component.mitake-mms.path=/mitake/${MITAKE_CALLBACK_TOKEN_NOT_SET}")
                .withBean(RouteBuilder.class, () -> route("mitake-mms:push"))
                .run(context -> {
                    MitakeMmsPropertiesException failure = find(context.getStartupFailure());
                    assertThat(failure.getKeys()).containsExactly("camel.component.mitake-mms.path");
                    assertThat(failure.getMessage()).contains("(${MITAKE_CALLBACK_TOKEN_NOT_SET})")
                            .doesNotContain("Pa${55}word");
                });
    }

    @Test
    void theComponentIsTheStartersUnlessTheApplicationHasOne() {
        runner.run(context -> assertThat(component(context.getBean(CamelContext.class)))
                .isInstanceOf(SpringBootMitakeMmsComponent.class));
        runner.withBean("mitake-mms", MitakeMmsComponent.class, MitakeMmsComponent::new)
                .withPropertyValues("camel.component.mitake-mms.subject=Hi")
                .run(context -> {
                    MitakeMmsComponent component = component(context.getBean(CamelContext.class));
                    assertThat(component.getClass()).isEqualTo(MitakeMmsComponent.class);
                    assertThat(component.getConfiguration().getSubject()).isEqualTo("Hi");
                });
    }

    @Test
    void optionsOnTheEndpointCountAsSet() {
        runner.withPropertyValues("camel.component.mitake-mms.client-id=acme",
                "camel.component.mitake-mms.client-secret=s3cr3t")
                .withBean(RouteBuilder.class, () -> route("mitake-mms:queryBatchDR?baseUrl=https://mms.example.com.tw"))
                .run(context -> assertThat(context).hasNotFailed());
    }

    private static RouteBuilder route(String to) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(to);
            }
        };
    }

    private static MitakeMmsPropertiesException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MitakeMmsPropertiesException m) {
                return m;
            }
        }
        throw new AssertionError("no MitakeMmsPropertiesException in", failure);
    }

    private static MitakeMmsComponent component(CamelContext camelContext) {
        return camelContext.getComponent("mitake-mms", MitakeMmsComponent.class);
    }

    /** A value for the option that differs from its default, written as a user writes it. */
    private static String sample(String option, JsonNode json) {
        return switch (json.get("type").textValue()) {
            case "string" -> "sample-" + option;
            case "boolean" -> String.valueOf(!json.path("defaultValue").asBoolean(false));
            case "integer" -> "7";
            case "duration" -> "3s";
            case "object" -> switch (json.get("javaType").textValue()) {
                case "org.apache.camel.support.jsse.SSLContextParameters" -> "#mySsl";
                case "org.apache.camel.spi.IdempotentRepository" -> "reportsSeen";
                case "io.github.mitakemms.camel.MitakeMmsConfiguration" -> "#bean:sharedConfiguration";
                default -> throw new AssertionError("no sample bean for " + option + " of type " + json.get("javaType"));
            };
            default -> throw new AssertionError("no sample for " + option + " of type " + json.get("type"));
        };
    }

    private static Object expected(String option, JsonNode json, org.springframework.context.ApplicationContext context) {
        return switch (json.get("type").textValue()) {
            case "string" -> "sample-" + option;
            case "boolean" -> !json.path("defaultValue").asBoolean(false);
            case "integer" -> 7;
            case "duration" -> 3000L;
            default -> switch (json.get("javaType").textValue()) {
                case "org.apache.camel.support.jsse.SSLContextParameters" -> context.getBean("mySsl");
                case "org.apache.camel.spi.IdempotentRepository" -> context.getBean("reportsSeen");
                default -> context.getBean("sharedConfiguration");
            };
        };
    }
}
