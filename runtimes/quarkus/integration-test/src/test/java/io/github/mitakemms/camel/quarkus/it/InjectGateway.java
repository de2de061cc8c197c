package io.github.mitakemms.camel.quarkus.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the {@code WireMockServer} field of a test that {@link GatewayTestResource} fills with its gateway. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectGateway {
}
