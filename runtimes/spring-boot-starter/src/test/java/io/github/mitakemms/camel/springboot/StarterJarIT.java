package io.github.mitakemms.camel.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar holds what Spring Boot and the IDEs read: the auto-configuration's registration, the failure
 * analyzer's, and the configuration metadata with a described property for every option of the component.
 */
class StarterJarIT {

    @Test
    void jarHoldsRegistrationsAndMetadataOfEveryOption() throws IOException {
        String path = System.getProperty("starter.jar");
        assertThat(path).as("system property starter.jar, set by the build").isNotNull();
        try (JarFile jar = new JarFile(path)) {
            assertThat(text(jar, "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"))
                    .contains(MitakeMmsComponentAutoConfiguration.class.getName());
            assertThat(text(jar, "META-INF/spring.factories"))
                    .contains(MitakeMmsPropertiesFailureAnalyzer.class.getName());

            JsonNode metadata = new ObjectMapper().readTree(text(jar, "META-INF/spring-configuration-metadata.json"));
            Set<String> described = new TreeSet<>();
            for (JsonNode p : metadata.get("properties")) {
                if (p.hasNonNull("description") && !p.get("description").textValue().isBlank()) {
                    described.add(p.get("name").textValue());
                }
            }
            Set<String> expected = new TreeSet<>();
            ComponentOptions.component().keySet().forEach(o -> expected.add(ComponentOptions.key(o)));
            expected.add(ComponentOptions.PREFIX + "enabled");
            assertThat(described).containsAll(expected);
        }
    }

    private static String text(JarFile jar, String name) throws IOException {
        ZipEntry entry = jar.getEntry(name);
        assertThat(entry).as(name + " in the jar").isNotNull();
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
