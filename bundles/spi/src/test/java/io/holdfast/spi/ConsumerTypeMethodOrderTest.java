package io.holdfast.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import aQute.bnd.classfile.AnnotationsAttribute;
import aQute.bnd.classfile.ClassFile;
import aQute.bnd.classfile.MethodInfo;
import io.holdfast.spi.storage.StorageDriver;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * bnd's baseline (7.1 to 7.4) classes an abstract method added to a {@code @ConsumerType} interface as a MINOR change,
 * not MAJOR, when it is declared after a default method: it lets a plugin built for 1.x resolve against an SPI whose
 * interface it no longer implements (an AbstractMethodError at run time). Declared before the default methods, the
 * same method is reported MAJOR. So the SPI's consumer types keep their abstract methods first.
 */
class ConsumerTypeMethodOrderTest {
    private static final String CONSUMER_TYPE = "Lorg/osgi/annotation/versioning/ConsumerType;";

    @Test
    void consumerTypesDeclareTheirAbstractMethodsBeforeTheirDefaultMethods() throws Exception {
        List<String> consumerTypes = new ArrayList<>();
        List<String> misplaced = new ArrayList<>();
        for (ClassFile type : spiClasses()) {
            if (isInterface(type) && isConsumerType(type)) {
                consumerTypes.add(type.this_class);
                misplaced.addAll(abstractMethodsAfterADefault(type));
            }
        }
        assertFalse(consumerTypes.isEmpty(), "found the @ConsumerType interfaces");
        assertEquals(List.of(), misplaced, "declare these before the interface's default methods, where the "
                + "baseline sees them");
    }

    private static List<String> abstractMethodsAfterADefault(ClassFile type) {
        List<String> misplaced = new ArrayList<>();
        boolean defaultSeen = false;
        for (MethodInfo method : type.methods) {
            boolean isAbstract = Modifier.isAbstract(method.access);
            boolean isDefault = !isAbstract && !Modifier.isStatic(method.access) && !method.name.startsWith("<");
            if (isAbstract && defaultSeen) {
                misplaced.add(type.this_class.replace('/', '.') + "." + method.name);
            }
            defaultSeen |= isDefault;
        }
        return misplaced;
    }

    private static boolean isInterface(ClassFile type) {
        return Modifier.isInterface(type.access) && (type.access & ClassFile.ACC_ANNOTATION) == 0;
    }

    private static boolean isConsumerType(ClassFile type) {
        return Arrays.stream(type.attributes).filter(AnnotationsAttribute.class::isInstance)
                .flatMap(attribute -> Arrays.stream(((AnnotationsAttribute) attribute).annotations))
                .anyMatch(annotation -> annotation.type.equals(CONSUMER_TYPE));
    }

    private static List<ClassFile> spiClasses() throws Exception {
        Path classes = Path.of(StorageDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<ClassFile> parsed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                parsed.add(parse(file));
            }
        }
        return parsed;
    }

    private static ClassFile parse(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return ClassFile.parseClassFile(new DataInputStream(in));
        }
    }
}
