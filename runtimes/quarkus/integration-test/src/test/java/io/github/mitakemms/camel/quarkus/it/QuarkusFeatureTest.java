package io.github.mitakemms.camel.quarkus.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The extension's feature is among those Quarkus lists when it starts. */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class QuarkusFeatureTest {

    @Test
    void camelMitakeMmsIsAnInstalledFeature() throws IOException {
        // application.properties sends the test profile's log to this file too; the last start is the last line
        List<String> started = Files.readAllLines(Path.of("target/quarkus-test.log"), StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("Installed features: ["))
                .toList();
        assertThat(started).isNotEmpty();
        String features = started.get(started.size() - 1);
        assertThat(features.substring(features.indexOf("Installed features: [")))
                .containsPattern("[\\[ ]camel-mitake-mms[,\\]]")
                .contains("camel-platform-http");
    }
}
