package io.github.mitakemms.camel.springboot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.mitakemms.camel.MitakeMmsComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Ordered;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Configures the mitake-mms component from {@code camel.component.mitake-mms.*}, unless
 * {@code camel.component.mitake-mms.enabled} (or {@code camel.component.enabled}) is false.
 * <p>
 * The properties are applied by a {@link ComponentCustomizer} when Camel creates the component. It runs before the
 * application's own customizers of the component, so those see the properties applied and may change them.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.mitake-mms" })
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, MitakeMmsComponentConfiguration.class })
public class MitakeMmsComponentAutoConfiguration {

    static final String COMPONENT_NAME = "mitake-mms";
    static final String PREFIX = "camel.component." + COMPONENT_NAME;

    /** Turns a bean name in the properties (sslContextParameters, idempotentRepository, configuration) into the bean. */
    @Bean
    @ConfigurationPropertiesBinding
    static MitakeMmsBeanReferenceConverter mitakeMmsBeanReferenceConverter(ApplicationContext applicationContext) {
        return new MitakeMmsBeanReferenceConverter(applicationContext);
    }

    /**
     * The component, registered under its scheme so that Camel uses it rather than creating a plain one; an
     * application's own mitake-mms component bean replaces it.
     */
    @Bean(COMPONENT_NAME)
    @ConditionalOnMissingBean(MitakeMmsComponent.class)
    public MitakeMmsComponent mitakeMmsComponent() {
        return new SpringBootMitakeMmsComponent();
    }

    @Bean
    public ComponentCustomizer configureMitakeMmsComponent(CamelContext camelContext,
                                                           MitakeMmsComponentConfiguration configuration,
                                                           ApplicationContext applicationContext) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                Map<String, Object> options = optionsOf(camelContext, configuration);
                Map<String, List<String>> unresolved = UnresolvedPlaceholders.in(options);
                if (!unresolved.isEmpty()) {
                    throw MitakeMmsPropertiesException.unresolved(unresolved);
                }
                // every property is an option of the component: one it does not take is an error, not ignored
                CamelPropertiesHelper.setCamelProperties(camelContext, target, options, true);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return target instanceof MitakeMmsComponent
                       && HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                               PREFIX + ".customizer");
            }

            @Override
            public int getOrder() {
                return Ordered.HIGHEST;
            }
        };
    }

    /**
     * The options the application set, by component option name: the whole configuration first when one is given, so
     * that the single options set beside it are applied on top of it.
     */
    static Map<String, Object> optionsOf(CamelContext camelContext, MitakeMmsComponentConfiguration configuration) {
        Map<String, Object> set = CamelPropertiesHelper.getNonNullProperties(camelContext, configuration);
        // the starter's own switches, not options of the component
        set.remove("enabled");
        set.remove("customizer");
        Map<String, Object> options = new LinkedHashMap<>();
        Object whole = set.remove("configuration");
        if (whole != null) {
            options.put("configuration", whole);
        }
        options.putAll(set);
        return options;
    }
}
