package io.github.mitakemms.camel.consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.EndpointServiceLocation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the endpoints tell consoles and tracing about the service they talk to.
 */
class CallbackServiceUrlTest {

    @Test
    void theCallbackHasNoServiceUrlSoItsPathIsNotShown() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            EndpointServiceLocation callback = (EndpointServiceLocation) context.getEndpoint(
                    "mitake-mms:callback?path=/callback-5f0c2a9e");

            assertThat(callback.getServiceUrl()).isNull();
        }
    }

    @Test
    void theProducersServiceUrlIsTheGatewaysBaseUrl() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            EndpointServiceLocation push = (EndpointServiceLocation) context.getEndpoint(
                    "mitake-mms:push?baseUrl=https://gateway.example.com/api&clientId=c&clientSecret=s");

            assertThat(push.getServiceUrl()).isEqualTo("https://gateway.example.com/api");
            assertThat(push.getServiceProtocol()).isEqualTo("http");
        }
    }
}
