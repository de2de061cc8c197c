package io.github.mitakemms.camel.springboot;

import java.util.Set;

import io.github.mitakemms.camel.MitakeMmsConfiguration;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Binds the object options of camel.component.mitake-mms to beans of the application by name, written as Camel writes
 * bean references ({@code #mySsl}, {@code #bean:mySsl}) or as the bare name ({@code mySsl}).
 */
public class MitakeMmsBeanReferenceConverter implements GenericConverter {

    private static final Set<ConvertiblePair> PAIRS = Set.of(
            new ConvertiblePair(String.class, SSLContextParameters.class),
            new ConvertiblePair(String.class, IdempotentRepository.class),
            new ConvertiblePair(String.class, MitakeMmsConfiguration.class));

    private final ApplicationContext applicationContext;

    public MitakeMmsBeanReferenceConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return PAIRS;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null || source.toString().isBlank()) {
            return null;
        }
        return applicationContext.getBean(beanName(source.toString()), targetType.getType());
    }

    static String beanName(String reference) {
        String name = reference.trim();
        if (name.startsWith("#bean:")) {
            return name.substring("#bean:".length());
        }
        return name.startsWith("#") ? name.substring(1) : name;
    }
}
