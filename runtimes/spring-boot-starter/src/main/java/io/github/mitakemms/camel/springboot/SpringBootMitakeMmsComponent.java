package io.github.mitakemms.camel.springboot;

import java.util.Map;

import io.github.mitakemms.camel.MitakeMmsComponent;
import io.github.mitakemms.camel.MitakeMmsEndpoint;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;

/**
 * The mitake-mms component as the starter registers it: the component itself, except that a sending endpoint without
 * the gateway URL or the credentials fails as it is created naming the Spring properties to set
 * (camel.component.mitake-mms.base-url), before the component's own check, which names only its options. Its
 * annotation names the scheme as the component's does, so that Camel finds the component's generated configurer.
 */
@Component("mitake-mms")
public class SpringBootMitakeMmsComponent extends MitakeMmsComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        Endpoint endpoint = super.createEndpoint(uri, remaining, parameters);
        RequiredProducerProperties.check((MitakeMmsEndpoint) endpoint);
        return endpoint;
    }
}
