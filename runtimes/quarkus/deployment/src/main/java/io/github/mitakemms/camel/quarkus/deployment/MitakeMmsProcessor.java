package io.github.mitakemms.camel.quarkus.deployment;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.quarkus.deployment.ApplicationArchive;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.ApplicationArchivesBuildItem;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.maven.dependency.ArtifactKey;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

/**
 * Build steps of the Camel Quarkus extension of the mitake-mms component: the feature, and reflection for every class
 * that Jackson reads or writes, found in the component's own classes rather than kept in a list.
 */
class MitakeMmsProcessor {

    static final String FEATURE = "camel-mitake-mms";

    static final String COMPONENT_GROUP_ID = "io.github.mitakemms";
    static final String COMPONENT_ARTIFACT_ID = "camel-mitake-mms";

    /** Every class of the component lives under this package. */
    static final String ROOT_PACKAGE = "io.github.mitakemms.camel";
    /** The wire models: every class in it (nested ones too) is read or written by Jackson. */
    static final String MODEL_PACKAGE = ROOT_PACKAGE + ".model";

    /** Jackson's (de)serializer base types; the component's own are subclasses, found through the superclass chain. */
    static final Set<DotName> JACKSON_HANDLER_TYPES = Set.of(
            DotName.createSimple("com.fasterxml.jackson.databind.JsonSerializer"),
            DotName.createSimple("com.fasterxml.jackson.databind.JsonDeserializer"),
            DotName.createSimple("com.fasterxml.jackson.databind.KeyDeserializer"));

    /** Annotations of these packages mark a class Jackson looks into (a model, a mix-in, a creator). */
    static final List<String> JACKSON_ANNOTATION_PACKAGES = List.of(
            "com.fasterxml.jackson.annotation.",
            "com.fasterxml.jackson.databind.annotation.");

    private static final DotName OBJECT = DotName.createSimple(Object.class.getName());
    private static final DotName RECORD = DotName.createSimple("java.lang.Record");

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /** The gateway is reached over HTTPS: the native image needs SSL. */
    @BuildStep
    ExtensionSslNativeSupportBuildItem sslNativeSupport() {
        return new ExtensionSslNativeSupportBuildItem(FEATURE);
    }

    /** The component jar has no Jandex index of its own: have Quarkus index it, as an application archive. */
    @BuildStep
    IndexDependencyBuildItem indexComponent() {
        return new IndexDependencyBuildItem(COMPONENT_GROUP_ID, COMPONENT_ARTIFACT_ID);
    }

    @BuildStep
    void registerJacksonClasses(ApplicationArchivesBuildItem archives, CombinedIndexBuildItem combinedIndex,
            BuildProducer<ReflectiveClassBuildItem> reflective) {
        IndexView componentIndex = archives.getAllApplicationArchives().stream()
                .filter(MitakeMmsProcessor::isComponent)
                .map(ApplicationArchive::getIndex)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(COMPONENT_GROUP_ID + ":" + COMPONENT_ARTIFACT_ID
                                                             + " is not among the application's indexed archives"));
        Set<String> classes = jacksonClasses(componentIndex, combinedIndex.getComputingIndex());
        if (classes.isEmpty()) {
            throw new IllegalStateException("No class that Jackson reads or writes found in the index of "
                                            + COMPONENT_GROUP_ID + ":" + COMPONENT_ARTIFACT_ID);
        }
        reflective.produce(ReflectiveClassBuildItem.builder(classes.toArray(String[]::new))
                .constructors()
                .methods()
                .fields()
                .reason(MitakeMmsProcessor.class.getName())
                .build());
    }

    private static boolean isComponent(ApplicationArchive archive) {
        ArtifactKey key = archive.getKey();
        return key != null && COMPONENT_GROUP_ID.equals(key.getGroupId()) && COMPONENT_ARTIFACT_ID.equals(key.getArtifactId());
    }

    /**
     * The component's classes Jackson reads, writes or instantiates:
     * <ul>
     * <li>every class of the model package, nested classes included;</li>
     * <li>every subclass of Jackson's {@code JsonSerializer}, {@code JsonDeserializer} or {@code KeyDeserializer},
     * wherever it lives in the component;</li>
     * <li>every class that carries a Jackson annotation (on itself, a field, a method or a parameter), and the classes
     * such annotations name ({@code @JsonSerialize(using = ...)});</li>
     * <li>every record: Jackson writes records handed to it (the token request) through their accessors.</li>
     * </ul>
     *
     * @param index     the index of the component jar
     * @param computing an index that also reads classes outside the combined one (Jackson's), to follow superclasses
     */
    static Set<String> jacksonClasses(IndexView index, IndexView computing) {
        Set<String> found = new TreeSet<>();
        for (ClassInfo c : index.getKnownClasses()) {
            String name = c.name().toString();
            if (!name.startsWith(ROOT_PACKAGE + ".")) {
                continue;
            }
            if (name.startsWith(MODEL_PACKAGE + ".") || isJacksonHandler(c, computing) || RECORD.equals(c.superName())) {
                found.add(name);
            }
            for (AnnotationInstance annotation : c.annotations()) {
                if (isJacksonAnnotation(annotation.name())) {
                    found.add(name);
                    for (AnnotationValue value : annotation.values()) {
                        addNamedClasses(value, found);
                    }
                }
            }
        }
        return found;
    }

    private static boolean isJacksonHandler(ClassInfo c, IndexView computing) {
        DotName superName = c.superName();
        while (superName != null && !OBJECT.equals(superName)) {
            if (JACKSON_HANDLER_TYPES.contains(superName)) {
                return true;
            }
            ClassInfo superClass = computing.getClassByName(superName);
            if (superClass == null) {
                return false;
            }
            superName = superClass.superName();
        }
        return false;
    }

    private static boolean isJacksonAnnotation(DotName annotation) {
        String name = annotation.toString();
        return JACKSON_ANNOTATION_PACKAGES.stream().anyMatch(name::startsWith);
    }

    /** The component classes an annotation value names: {@code using = X.class}, arrays of them, nested annotations. */
    private static void addNamedClasses(AnnotationValue value, Set<String> found) {
        switch (value.kind()) {
            case CLASS -> {
                String name = value.asClass().name().toString();
                if (name.startsWith(ROOT_PACKAGE + ".")) {
                    found.add(name);
                }
            }
            case ARRAY -> {
                for (AnnotationValue element : value.asArrayList()) {
                    addNamedClasses(element, found);
                }
            }
            case NESTED -> {
                for (AnnotationValue nested : value.asNested().values()) {
                    addNamedClasses(nested, found);
                }
            }
            default -> {
                // a string, number, enum or boolean names no class
            }
        }
    }
}
