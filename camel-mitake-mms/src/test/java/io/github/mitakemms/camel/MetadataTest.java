package io.github.mitakemms.camel;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetadataTest extends CamelTestSupport {

    @Test
    void camelUsesTheGeneratedConfigurersNotReflection() throws Exception {
        MitakeMmsComponent component = context.getComponent("mitake-mms", MitakeMmsComponent.class);
        assertThat(component.getComponentPropertyConfigurer()).isInstanceOf(MitakeMmsComponentConfigurer.class);
        assertThat(component.getEndpointPropertyConfigurer()).isInstanceOf(MitakeMmsEndpointConfigurer.class);

        MitakeMmsEndpoint endpoint = context.getEndpoint(
                "mitake-mms:push?baseUrl=https://gw.example&clientId=me&clientSecret=RAW(p@ss)&maxConnections=3"
                                                         + "&requestTimeout=5s&validate=false",
                MitakeMmsEndpoint.class);
        MitakeMmsConfiguration c = endpoint.getConfiguration();
        assertThat(c.getOperation()).isEqualTo(MitakeMmsOperation.push);
        assertThat(c.getClientSecret()).isEqualTo("p@ss");
        assertThat(c.getMaxConnections()).isEqualTo(3);
        assertThat(c.getRequestTimeout()).isEqualTo(5000);
        assertThat(c.isValidate()).isFalse();
    }

    @Test
    void theUriFactoryIsGenerated() {
        assertThat(context.getCamelContextExtension().getEndpointUriFactory("mitake-mms"))
                .isInstanceOf(MitakeMmsEndpointUriFactory.class);
    }

    @Test
    void theSecretIsMarkedSecretAndMasked() throws Exception {
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/mitakemms/camel/mitake-mms.json")) {
            json = new ObjectMapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(json.at("/properties/clientSecret/secret").booleanValue()).isTrue();
        assertThat(json.at("/componentProperties/clientSecret/secret").booleanValue()).isTrue();
        assertThat(json.at("/component/scheme").textValue()).isEqualTo("mitake-mms");

        MitakeMmsEndpoint endpoint = context.getEndpoint(
                "mitake-mms:push?baseUrl=https://gw.example&clientId=me&clientSecret=topSecret42", MitakeMmsEndpoint.class);
        assertThat(endpoint.getConfiguration().toString()).doesNotContain("topSecret42").contains("clientId=me");
        assertThat(endpoint.toString()).doesNotContain("topSecret42");
    }

    @Test
    void theDocumentationNamesEveryOptionAndHeader() throws Exception {
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/mitakemms/camel/mitake-mms.json")) {
            json = new ObjectMapper().readTree(in);
        }
        String adoc = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/docs/mitake-mms-component.adoc"));
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (String section : new String[] { "componentProperties", "properties", "headers" }) {
            json.get(section).fieldNames().forEachRemaining(name -> {
                if (!adoc.contains("`" + name + "`")) {
                    missing.add(section + "." + name);
                }
            });
        }
        assertThat(missing).as("options and headers missing from mitake-mms-component.adoc").isEmpty();
    }

    @Test
    void componentOptionsAreDefaultsForEndpoints() {
        MitakeMmsComponent component = context.getComponent("mitake-mms", MitakeMmsComponent.class);
        component.getConfiguration().setSubject("Default subject");
        component.getConfiguration().setMaxConnections(4);
        component.getConfiguration().setBaseUrl("https://gw.example");
        component.getConfiguration().setClientId("me");
        component.getConfiguration().setClientSecret("secret");
        MitakeMmsEndpoint endpoint = context.getEndpoint("mitake-mms:push?maxConnections=2", MitakeMmsEndpoint.class);
        assertThat(endpoint.getConfiguration().getSubject()).isEqualTo("Default subject");
        assertThat(endpoint.getConfiguration().getMaxConnections()).isEqualTo(2);
        assertThat(component.getConfiguration().getMaxConnections()).isEqualTo(4);
    }

    @Test
    void aRouteToAProducerWithoutCredentialsFailsToBeCreated() {
        assertThatThrownBy(() -> context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:noCredentials").to("mitake-mms:push?baseUrl=https://gw.example");
            }
        })).rootCause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientId");
        assertThatThrownBy(() -> context.getEndpoint("mitake-mms:push"))
                .rootCause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl");
        // a callback endpoint needs no credentials
        assertThat(context.getEndpoint("mitake-mms:callback")).isNotNull();
    }
}
