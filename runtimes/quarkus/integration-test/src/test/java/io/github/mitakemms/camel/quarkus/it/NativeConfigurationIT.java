package io.github.mitakemms.camel.quarkus.it;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mitakemms.camel.MitakeMmsComponent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the native configuration that Quarkus wrote for this application (the build's native-sources step, run without
 * GraalVM) and checks that every class of the component that Jackson reads, writes or instantiates is registered for
 * reflection. The expected classes are found in the component jar itself, by loading its classes, so a model class or
 * a serializer added to the component and missed by the extension fails this test.
 */
class NativeConfigurationIT {

    private static final String ROOT_PACKAGE = "io.github.mitakemms.camel.";
    private static final String MODEL_PACKAGE = ROOT_PACKAGE + "model.";

    /** Reflection entries of the native configuration, by class name. */
    private static Map<String, JsonNode> registered;
    /** Every class of the component jar. */
    private static List<Class<?>> componentClasses;

    @BeforeAll
    static void readNativeConfigurationAndComponent() throws IOException, URISyntaxException, ClassNotFoundException {
        registered = reflectionEntries(Path.of(System.getProperty("native.sources.dir", "target/native-sources")));
        componentClasses = classesOf(Path.of(MitakeMmsComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    }

    @Test
    void everyModelClassIsRegisteredWithItsConstructorsMethodsAndFields() {
        Set<String> models = names(componentClasses.stream().filter(c -> c.getName().startsWith(MODEL_PACKAGE)));
        assertThat(models).as("classes of the model package in the component jar").hasSizeGreaterThanOrEqualTo(10);
        assertFullyRegistered(models);
    }

    @Test
    void everyCustomSerializerAndDeserializerIsRegistered() {
        Set<String> serializers = names(componentClasses.stream().filter(c -> JsonSerializer.class.isAssignableFrom(c)));
        Set<String> deserializers = names(componentClasses.stream()
                .filter(c -> JsonDeserializer.class.isAssignableFrom(c) || KeyDeserializer.class.isAssignableFrom(c)));
        assertThat(serializers).as("serializers in the component jar").isNotEmpty();
        assertThat(deserializers).as("deserializers in the component jar").isNotEmpty();
        assertFullyRegistered(serializers);
        assertFullyRegistered(deserializers);
    }

    @Test
    void everyClassCarryingJacksonAnnotationsAndEveryRecordIsRegistered() {
        Set<String> annotated = names(componentClasses.stream().filter(NativeConfigurationIT::carriesJacksonAnnotation));
        Set<String> records = names(componentClasses.stream().filter(Class::isRecord));
        assertThat(annotated).as("classes with Jackson annotations outside the model package")
                .anyMatch(name -> !name.startsWith(MODEL_PACKAGE));
        assertThat(records).as("records, such as the token request Jackson writes").isNotEmpty();
        assertFullyRegistered(annotated);
        assertFullyRegistered(records);
    }

    @Test
    void theNativeImageCanCallTheGatewayOverHttps() throws IOException {
        Path args = Path.of(System.getProperty("native.sources.dir", "target/native-sources"), "native-image.args");
        assertThat(Files.readString(args)).containsPattern("--enable-url-protocols=[a-z,]*https");
    }

    private static void assertFullyRegistered(Set<String> classes) {
        Set<String> missing = new TreeSet<>();
        Set<String> partial = new TreeSet<>();
        for (String name : classes) {
            JsonNode entry = registered.get(name);
            if (entry == null) {
                missing.add(name);
            } else if (!Stream.of("allDeclaredConstructors", "allDeclaredMethods", "allDeclaredFields")
                    .allMatch(access -> entry.path(access).asBoolean())) {
                partial.add(name + " " + entry);
            }
        }
        assertThat(missing).as("classes of the component missing from the native reflection configuration").isEmpty();
        assertThat(partial).as("classes registered without all their constructors, methods and fields").isEmpty();
    }

    private static boolean carriesJacksonAnnotation(Class<?> c) {
        List<AnnotatedElement> elements = new ArrayList<>();
        elements.add(c);
        elements.addAll(Arrays.asList(c.getDeclaredFields()));
        List<Executable> executables = new ArrayList<>(Arrays.asList(c.getDeclaredMethods()));
        executables.addAll(Arrays.asList(c.getDeclaredConstructors()));
        for (Executable e : executables) {
            elements.add(e);
            for (Parameter p : e.getParameters()) {
                elements.add(p);
            }
        }
        return elements.stream().flatMap(e -> Arrays.stream(e.getDeclaredAnnotations()))
                .map(a -> a.annotationType().getName())
                .anyMatch(n -> n.startsWith("com.fasterxml.jackson.annotation.")
                               || n.startsWith("com.fasterxml.jackson.databind.annotation."));
    }

    private static Set<String> names(Stream<Class<?>> classes) {
        Set<String> names = new TreeSet<>();
        classes.forEach(c -> names.add(c.getName()));
        return names;
    }

    /** The classes of the component, from its jar (or its classes folder when run from an IDE). */
    private static List<Class<?>> classesOf(Path location) throws IOException, ClassNotFoundException {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                files.filter(f -> f.toString().endsWith(".class"))
                        .forEach(f -> names.add(location.relativize(f).toString().replace('\\', '/')));
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                jar.stream().map(JarEntry::getName).forEach(names::add);
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        ClassLoader loader = NativeConfigurationIT.class.getClassLoader();
        for (String entry : names) {
            if (entry.endsWith(".class") && entry.startsWith(ROOT_PACKAGE.replace('.', '/'))) {
                String className = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
                classes.add(Class.forName(className, false, loader));
            }
        }
        assertThat(classes).as("classes in " + location).isNotEmpty();
        return classes;
    }

    /**
     * The reflection entries of every native-image configuration file in the runner jar of the native sources: the
     * reflect-config.json of GraalVM's older format, and the "reflection" part of reachability-metadata.json.
     */
    private static Map<String, JsonNode> reflectionEntries(Path nativeSources) throws IOException {
        Path runner;
        try (Stream<Path> files = Files.list(nativeSources)) {
            runner = files.filter(f -> f.getFileName().toString().endsWith("-runner.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no runner jar in " + nativeSources
                                                          + ": was the native-sources build run?"));
        }
        ObjectMapper mapper = new ObjectMapper();
        Map<String, JsonNode> entries = new HashMap<>();
        int files = 0;
        try (JarFile jar = new JarFile(runner.toFile())) {
            Enumeration<JarEntry> all = jar.entries();
            while (all.hasMoreElements()) {
                JarEntry e = all.nextElement();
                String name = e.getName();
                if (!name.startsWith("META-INF/native-image/")) {
                    continue;
                }
                JsonNode list;
                if (name.endsWith("reflect-config.json")) {
                    list = read(mapper, jar, e);
                } else if (name.endsWith("reachability-metadata.json")) {
                    list = read(mapper, jar, e).path("reflection");
                } else {
                    continue;
                }
                files++;
                for (JsonNode entry : list) {
                    JsonNode type = entry.has("type") ? entry.get("type") : entry.get("name");
                    if (type != null && type.isTextual()) {
                        entries.merge(type.asText(), entry, NativeConfigurationIT::union);
                    }
                }
            }
        }
        assertThat(files).as("native-image reflection configuration files in " + runner).isPositive();
        return entries;
    }

    private static JsonNode read(ObjectMapper mapper, JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            return mapper.readTree(in);
        }
    }

    /** Two entries of one class: the access either grants. */
    private static JsonNode union(JsonNode a, JsonNode b) {
        com.fasterxml.jackson.databind.node.ObjectNode merged = a.deepCopy();
        b.fields().forEachRemaining(f -> {
            if (!(merged.path(f.getKey()).asBoolean(false))) {
                merged.set(f.getKey(), f.getValue());
            }
        });
        return merged;
    }
}
