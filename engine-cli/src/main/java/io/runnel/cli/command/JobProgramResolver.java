package io.runnel.cli.command;

import io.runnel.cli.CliException;
import io.runnel.examples.Examples;
import io.runnel.examples.Examples.Example;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Finds the program that {@code runnel run TARGET} means: a job jar if {@code TARGET} is a file, else a bundled
 * example of that name.
 *
 * <p><b>Contract:</b> a job jar gets its own {@link URLClassLoader} whose parent is the CLI's loader, so the job
 * shares the engine's classes (parent first) and brings its own code. Every problem is a {@link CliException}
 * with exit code 2 and a one-line message: not a valid path, file not found, unreadable jar, no Main-Class, class
 * not found or not loadable, no {@code public static void main(String[])}.
 *
 * <p><b>Threading:</b> stateless.
 */
final class JobProgramResolver {

    private JobProgramResolver() {
    }

    /**
     * @param target a jar path or an example name
     * @param mainClassOverride the {@code --class} option, or null
     * @return the program; the caller closes it
     * @throws CliException if there is nothing runnable (see the class comment)
     */
    static JobProgram resolve(String target, String mainClassOverride) {
        Path path;
        try {
            path = Paths.get(target);
        } catch (InvalidPathException e) {
            // e.g. a NUL character, or a name the platform's file name encoding cannot represent (LANG=C).
            throw CliException.usage("Job jar path '" + target + "' is not a valid path (" + e.getReason()
                    + "), nor is it the name of a bundled example (see 'runnel examples')");
        }
        if (Files.isRegularFile(path)) {
            return fromJar(path, mainClassOverride);
        }
        Optional<Example> example = Examples.find(target);
        if (example.isPresent()) {
            if (mainClassOverride != null) {
                throw CliException.usage("--class applies to job jars, not to the bundled example '" + target + "'");
            }
            Class<?> mainClass = example.get().mainClass();
            return new JobProgram("example " + target, mainClass.getName(), mainMethod(mainClass),
                    mainClass.getClassLoader(), null);
        }
        if (Files.isDirectory(path)) {
            throw CliException.usage("Job jar " + target + " is a directory, not a jar file");
        }
        if (target.endsWith(".jar") || target.contains("/") || target.contains("\\")) {
            throw CliException.usage("Job jar not found: " + target);
        }
        throw CliException.usage("No job jar or bundled example named '" + target + "' (see 'runnel examples')");
    }

    private static JobProgram fromJar(Path jar, String mainClassOverride) {
        String mainClassName = mainClassOverride != null ? mainClassOverride : manifestMainClass(jar);
        URLClassLoader loader = new URLClassLoader("job " + jar.getFileName(), new URL[] {toUrl(jar)},
                JobProgramResolver.class.getClassLoader());
        String description = mainClassName + " in " + jar;
        try {
            Class<?> mainClass = Class.forName(mainClassName, false, loader);
            return new JobProgram(description, mainClassName, mainMethod(mainClass), loader, loader);
        } catch (CliException e) {
            closeQuietly(loader, e);
            throw e;
        } catch (ClassNotFoundException e) {
            closeQuietly(loader, e);
            throw CliException.usage("Main class " + mainClassName + " not found in " + jar);
        } catch (LinkageError | RuntimeException e) {
            // e.g. NoClassDefFoundError: the main class needs a class that neither the jar nor Runnel has.
            closeQuietly(loader, e);
            throw CliException.usage("Main class " + description + " cannot be loaded: " + e);
        }
    }

    private static String manifestMainClass(Path jar) {
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            Manifest manifest = jarFile.getManifest();
            String mainClass = manifest == null ? null
                    : manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
            if (mainClass == null || mainClass.isBlank()) {
                throw CliException.usage("Job jar " + jar + " has no Main-Class in its manifest; name the main "
                        + "class with --class");
            }
            return mainClass.trim();
        } catch (IOException e) {
            throw CliException.usage("Cannot read job jar " + jar + ": " + e.getMessage());
        }
    }

    private static Method mainMethod(Class<?> mainClass) {
        Method main;
        try {
            main = mainClass.getMethod("main", String[].class);
        } catch (NoSuchMethodException e) {
            throw CliException.usage("Main class " + mainClass.getName() + " has no public static void "
                    + "main(String[]) method");
        }
        if (!Modifier.isStatic(main.getModifiers())) {
            throw CliException.usage("Main class " + mainClass.getName() + ": main(String[]) is not static");
        }
        // As the java launcher does, accept a public main in a class that is not public itself.
        main.setAccessible(true);
        return main;
    }

    private static URL toUrl(Path jar) {
        try {
            return jar.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw CliException.usage("Job jar path " + jar + " cannot be used: " + e.getMessage());
        }
    }

    private static void closeQuietly(URLClassLoader loader, Throwable primary) {
        try {
            loader.close();
        } catch (IOException e) {
            primary.addSuppressed(e);
        }
    }
}
