package org.runonce.localstack.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.runonce.localstack.LocalPlatform;

/** Builds executable jars laid out like Spring Boot's ({@code BOOT-INF/classes}, {@code BOOT-INF/lib}). */
public final class FakeApplicationJars {

    private FakeApplicationJars() {}

    /** A repository with {@code <module>/target/<module>.jar} for every application, all running FakeApplication. */
    public static Path repository(Path root) {
        try {
            Files.createDirectories(root);
            Files.writeString(root.resolve("mvnw"), "#!/bin/sh\n");
            Files.writeString(root.resolve("pom.xml"), "<project/>\n");
            for (String module : LocalPlatform.APPLICATIONS) {
                write(root.resolve(module).resolve("target").resolve(module + ".jar"), "library-1.0.jar");
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a Boot-style jar whose nested library is named {@code library}. */
    static void write(Path jar, String library) throws IOException {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, "org.springframework.boot.loader.launch.JarLauncher");
        main.putValue("Start-Class", FakeApplication.class.getName());
        main.putValue("Spring-Boot-Version", "4.0.7");
        main.putValue("Spring-Boot-Classes", "BOOT-INF/classes/");
        main.putValue("Spring-Boot-Lib", "BOOT-INF/lib/");
        main.putValue("Spring-Boot-Classpath-Index", "BOOT-INF/classpath.idx");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            String classFile = FakeApplication.class.getName().replace('.', '/') + ".class";
            out.putNextEntry(new JarEntry("BOOT-INF/classes/" + classFile));
            try (InputStream in = FakeApplication.class.getClassLoader().getResourceAsStream(classFile)) {
                in.transferTo(out);
            }
            out.closeEntry();
            // like Spring Boot's build-info goal: a new build time on every build
            out.putNextEntry(new JarEntry("META-INF/build-info.properties"));
            out.write(("build.artifact=fake\nbuild.time=" + java.time.Instant.now() + "\n").getBytes());
            out.closeEntry();
            out.putNextEntry(new JarEntry("BOOT-INF/classes/application.yml"));
            out.write("fake: true\n".getBytes());
            out.closeEntry();
            out.putNextEntry(new JarEntry("BOOT-INF/lib/" + library));
            emptyJar(out);
            out.closeEntry();
            out.putNextEntry(new JarEntry("BOOT-INF/lib/spring-boot-jarmode-tools-4.0.7.jar"));
            emptyJar(out);
            out.closeEntry();
            out.putNextEntry(new JarEntry("BOOT-INF/classpath.idx"));
            out.write(("- \"BOOT-INF/lib/" + library + "\"\n- \"BOOT-INF/lib/spring-boot-jarmode-tools-4.0.7.jar\"\n")
                    .getBytes());
            out.closeEntry();
        }
    }

    /** A small jar with a fixed time, so that rebuilding gives the same bytes, as libraries from Maven do. */
    private static void emptyJar(OutputStream target) throws IOException {
        JarOutputStream nested = new JarOutputStream(new NonClosing(target));
        JarEntry entry = new JarEntry("library.txt");
        entry.setTime(315_532_800_000L);
        nested.putNextEntry(entry);
        nested.write("a library".getBytes());
        nested.closeEntry();
        nested.finish();
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
