package io.runnel.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Builds job jars for the CLI tests from compiled test classes, including their nested classes. */
public final class TestJars {

    private TestJars() {
    }

    /**
     * @param jar the jar to write
     * @param mainClass the manifest's Main-Class, or null for none
     * @param classes the classes to copy into the jar, each with its nested classes
     * @return {@code jar}
     */
    public static Path write(Path jar, String mainClass, Class<?>... classes) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Class<?> c : classes) {
                for (Path classFile : classFiles(c)) {
                    String dir = c.getPackageName().replace('.', '/');
                    out.putNextEntry(new JarEntry(dir + "/" + classFile.getFileName()));
                    Files.copy(classFile, out);
                    out.closeEntry();
                }
            }
        }
        return jar;
    }

    private static List<Path> classFiles(Class<?> c) throws IOException {
        Path root;
        try {
            root = Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("Cannot locate the class files of " + c.getName(), e);
        }
        Path dir = root.resolve(c.getPackageName().replace('.', '/'));
        String simple = c.getSimpleName();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.equals(simple + ".class") || name.startsWith(simple + "$");
            }).sorted().toList();
        }
    }
}
