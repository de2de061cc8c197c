package io.github.mitakemms.camel.springboot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration the README shows is the configuration the tests run with: its properties blocks are the test
 * resources the Spring Boot tests load, and its YAML block binds to the same values as the first of them.
 */
class ReadmeSnippetTest {

    private static final Map<String, Object> ENVIRONMENT = Map.of(
            "MITAKE_BASE_URL", "https://mms.example.com.tw",
            "MITAKE_CLIENT_ID", "acme-mms",
            "MITAKE_CLIENT_SECRET", "Pa55",
            "MITAKE_CALLBACK_TOKEN", "7f3c9e2a51d84b6c",
            "MITAKE_CALLBACK_SOURCES", "203.0.113.0/24");

    @Test
    void propertiesBlocksAreTheTestsConfiguration() throws IOException {
        List<String> blocks = blocks("properties");

        assertThat(blocks).containsExactly(Http.resource("application.properties"),
                Http.resource("callback-only.properties"));
    }

    @Test
    void yamlBlockBindsAsThePropertiesBlock() throws IOException {
        MitakeMmsComponentConfiguration fromProperties = bind(new PropertiesPropertySourceLoader()
                .load("readme.properties", resource(blocks("properties").get(0))).get(0));
        MitakeMmsComponentConfiguration fromYaml = bind(new YamlPropertySourceLoader()
                .load("readme.yaml", resource(blocks("yaml").get(0))).get(0));

        assertThat(fromProperties.getClientSecret()).isEqualTo("Pa55");
        assertThat(fromProperties.getPath()).isEqualTo("/mitake/7f3c9e2a51d84b6c");
        assertThat(fromYaml).usingRecursiveComparison().isEqualTo(fromProperties);
    }

    private static MitakeMmsComponentConfiguration bind(PropertySource<?> source) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(source);
        environment.getPropertySources().addLast(new MapPropertySource("environment-variables", ENVIRONMENT));
        return Binder.get(environment).bind("camel.component.mitake-mms", MitakeMmsComponentConfiguration.class).get();
    }

    private static ByteArrayResource resource(String text) {
        return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The fenced blocks of the given language in README.md, each with its final line break. */
    private static List<String> blocks(String language) throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}
