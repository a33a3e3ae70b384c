package org.runonce.localstack.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacks Boot-style jars the way the launcher does before starting an application. */
public class ServiceJarIT {

    private static final boolean AOT = Runtime.version().feature() >= 25;

    @TempDir
    Path scratch;

    @Test
    void unpacksIntoAnApplicationJarWithDirectoryEntriesAndALibraryFolder() throws Exception {
        Path fat = scratch.resolve("target/intake-service.jar");
        FakeApplicationJars.write(fat, "library-1.0.jar");
        Path unpacked = scratch.resolve("apps/intake-service");

        List<String> arguments = ServiceJar.launchArguments(fat, unpacked, "test", ServiceJar.Cache.BEST);

        Path app = unpacked.resolve("intake-service.jar");
        assertThat(arguments).endsWith("-jar", app.toString());
        assertThat(unpacked.resolve("lib/library-1.0.jar")).isRegularFile();
        assertThat(unpacked.resolve("lib/spring-boot-jarmode-tools-4.0.7.jar")).doesNotExist();
        try (JarFile jar = new JarFile(app.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(FakeApplication.class.getName());
            assertThat(jar.getManifest().getMainAttributes().getValue("Class-Path"))
                    .isEqualTo("lib/library-1.0.jar");
            // without directory entries Spring's component scan finds no package in the jar
            assertThat(Collections.list(jar.entries()).stream().map(ZipEntry::getName))
                    .contains("org/", "org/runonce/", "org/runonce/localstack/", "application.yml")
                    .contains("META-INF/build-info.properties")
                    .contains(FakeApplication.class.getName().replace('.', '/') + ".class");
        }
    }

    @Test
    void aRebuildWithTheSameCodeKeepsFilesAndTheStartupCache() throws Exception {
        Path fat = scratch.resolve("target/catalog-service.jar");
        FakeApplicationJars.write(fat, "library-1.0.jar");
        Path unpacked = scratch.resolve("apps/catalog-service");
        ServiceJar.launchArguments(fat, unpacked, "start", ServiceJar.Cache.BEST);
        Path app = unpacked.resolve("catalog-service.jar");
        Path library = unpacked.resolve("lib/library-1.0.jar");
        FileTime appTime = Files.getLastModifiedTime(app);
        FileTime libraryTime = Files.getLastModifiedTime(library);
        Path cache = unpacked.resolve(AOT ? "start.aot" : "start.jsa");
        Files.writeString(cache, "written by the JVM at exit");

        Thread.sleep(1_100); // coarse file times; also gives build-info.properties another build time
        FakeApplicationJars.write(fat, "library-1.0.jar");
        List<String> arguments = ServiceJar.launchArguments(fat, unpacked, "start", ServiceJar.Cache.BEST);

        assertThat(Files.getLastModifiedTime(app)).isEqualTo(appTime);
        assertThat(Files.getLastModifiedTime(library)).isEqualTo(libraryTime);
        assertThat(cache).exists();
        assertThat(arguments).contains(AOT ? "-XX:AOTCache=" + cache : "-XX:SharedArchiveFile=" + cache);
    }

    @Test
    void changedJarsRetireTheStartupCache() throws Exception {
        Path fat = scratch.resolve("target/gateway.jar");
        FakeApplicationJars.write(fat, "library-1.0.jar");
        Path unpacked = scratch.resolve("apps/gateway");
        ServiceJar.launchArguments(fat, unpacked, "start", ServiceJar.Cache.BEST);
        Path cache = unpacked.resolve(AOT ? "start.aot" : "start.jsa");
        Files.writeString(cache, "written by the JVM at exit");

        FakeApplicationJars.write(fat, "library-2.0.jar");
        List<String> arguments = ServiceJar.launchArguments(fat, unpacked, "start", ServiceJar.Cache.BEST);

        assertThat(unpacked.resolve("lib/library-1.0.jar")).doesNotExist();
        assertThat(unpacked.resolve("lib/library-2.0.jar")).isRegularFile();
        assertThat(cache).doesNotExist();
        if (AOT) {
            assertThat(arguments).contains("-XX:AOTCacheOutput=" + cache);
        } else {
            assertThat(arguments).contains("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + cache);
        }
    }

    @Test
    void testsKeepAClassDataSharingArchiveOnEveryJava() throws Exception {
        Path fat = scratch.resolve("target/approval-service.jar");
        FakeApplicationJars.write(fat, "library-1.0.jar");
        Path unpacked = scratch.resolve("apps/approval-service");

        List<String> arguments = ServiceJar.launchArguments(fat, unpacked, "test", ServiceJar.Cache.CDS);

        assertThat(arguments)
                .contains("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + unpacked.resolve("test.jsa"))
                .noneMatch(argument -> argument.startsWith("-XX:AOTCache"));
    }

    @Test
    void aJarThatIsNotSpringBootsRunsAsItIs() throws Exception {
        Path plain = scratch.resolve("plain.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(plain), new java.util.jar.Manifest())) {
            out.putNextEntry(new ZipEntry("x.txt"));
        }

        assertThat(ServiceJar.launchArguments(plain, scratch.resolve("apps/plain"), "start", ServiceJar.Cache.BEST))
                .containsExactly("-jar", plain.toString());
    }
}
