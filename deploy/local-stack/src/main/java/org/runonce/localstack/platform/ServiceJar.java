package org.runonce.localstack.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.runonce.localstack.keycloak.KeycloakDistribution;

/**
 * A Spring Boot executable jar unpacked into a plain application jar plus {@code lib/}, so that the JVM can keep a
 * start-up cache of it (an AOT cache on Java 25+, else a class data sharing archive), which cannot cover classes
 * loaded from jars nested in a jar. It roughly halves the CPU time a service needs to start. Files are rewritten only
 * when their content changed, so the cache, which the JVM validates against the size and time of every jar, survives
 * a rebuild that changed nothing; after a code change the JVM runs without it once and writes a new one on exit.
 */
public final class ServiceJar {

    /** Entries of the application jar get this fixed time, so that the same classes give the same bytes. */
    private static final long FIXED_TIME = 315_532_800_000L; // 1980-01-01

    private static final String INDEX = "lib.index";
    private static final String BUILD_INFO = "META-INF/build-info.properties";

    /** Which start-up cache to keep. */
    public enum Cache {
        /** An AOT cache on Java 25+, else a class data sharing archive. */
        BEST,
        /** A class data sharing archive: less gain, but much cheaper to write when the JVM exits. */
        CDS
    }

    private ServiceJar() {}

    /**
     * The java arguments that run {@code fatJar}: the options of a start-up cache and {@code -jar <unpacked app
     * jar>}, or just {@code -jar <fatJar>} when it is not a Spring Boot jar we can unpack. On Java 25+ the cache is an
     * AOT cache (classes loaded and linked, method profiles), before that a class data sharing archive; either is
     * written when a JVM without a usable one exits, and used by the next start.
     *
     * @param cacheName base name of the cache file in {@code directory}, one per way of running (e.g. {@code start},
     *     {@code test}) so that two JVMs never write the same file
     * @param kind which cache to keep
     */
    public static List<String> launchArguments(Path fatJar, Path directory, String cacheName, Cache kind) {
        try (KeycloakDistribution.Lock ignored = KeycloakDistribution.Lock.acquire(directory.resolve(".lock"))) {
            Path app = unpackLocked(fatJar, directory);
            if (app == null) {
                return List.of("-jar", fatJar.toString());
            }
            List<String> arguments = new ArrayList<>();
            String fingerprint = fingerprint(app, directory.resolve("lib"));
            if (kind == Cache.BEST && Runtime.version().feature() >= 25) {
                Path cache = directory.resolve(cacheName + ".aot");
                arguments.add(isCurrent(cache, fingerprint) ? "-XX:AOTCache=" + cache : "-XX:AOTCacheOutput=" + cache);
                // "Skipping <class>: ..." for classes that cannot be cached: harmless, one warning per class
                arguments.add("-Xlog:aot*=off,cds*=off");
            } else {
                Path archive = directory.resolve(cacheName + ".jsa");
                isCurrent(archive, fingerprint);
                arguments.add("-XX:+AutoCreateSharedArchive");
                arguments.add("-XX:SharedArchiveFile=" + archive);
                arguments.add("-Xlog:cds*=off");
            }
            arguments.add("-jar");
            arguments.add(app.toString());
            return arguments;
        } catch (IOException | UncheckedIOException e) {
            System.out.println("Could not unpack " + fatJar + " (" + e.getMessage() + "); running it as it is.");
            return List.of("-jar", fatJar.toString());
        }
    }

    /**
     * Whether {@code cache} exists and was made for the jars described by {@code fingerprint}. The JVM ignores a
     * cache whose jars changed size or time and then does NOT write a new one; so a cache made for other jars is
     * deleted here, and the JVM writes a fresh one when it exits.
     */
    private static boolean isCurrent(Path cache, String fingerprint) throws IOException {
        Path key = cache.resolveSibling(cache.getFileName() + ".key");
        if (Files.isRegularFile(cache)
                && Files.isRegularFile(key)
                && Files.readString(key).equals(fingerprint)) {
            return true;
        }
        Files.deleteIfExists(cache);
        Files.writeString(key, fingerprint);
        return false;
    }

    /** Name, size and modification time of every jar on the class path: what the JVM checks an archive against. */
    private static String fingerprint(Path app, Path libDirectory) throws IOException {
        StringBuilder fingerprint =
                new StringBuilder("java ").append(Runtime.version()).append('\n');
        List<Path> jars = new ArrayList<>();
        jars.add(app);
        try (Stream<Path> files = Files.list(libDirectory)) {
            files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .forEach(jars::add);
        }
        for (Path jar : jars) {
            fingerprint
                    .append(jar.getFileName())
                    .append(' ')
                    .append(Files.size(jar))
                    .append(' ')
                    .append(Files.getLastModifiedTime(jar).toMillis())
                    .append('\n');
        }
        return fingerprint.toString();
    }

    private static Path unpackLocked(Path fatJar, Path directory) throws IOException {
        try (JarFile jar = new JarFile(fatJar.toFile())) {
            Manifest manifest = jar.getManifest();
            Attributes main = manifest == null ? null : manifest.getMainAttributes();
            if (main == null || main.getValue("Start-Class") == null) {
                return null;
            }
            String classesPrefix = main.getValue("Spring-Boot-Classes");
            String libPrefix = main.getValue("Spring-Boot-Lib");
            if (classesPrefix == null || libPrefix == null) {
                return null;
            }
            List<String> libs = libraries(jar, main, libPrefix);
            Path libDirectory = directory.resolve("lib");
            Files.createDirectories(libDirectory);
            syncLibraries(jar, libs, libDirectory);

            Manifest appManifest = new Manifest();
            Attributes attributes = appManifest.getMainAttributes();
            attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            for (Map.Entry<Object, Object> attribute : main.entrySet()) {
                String name = attribute.getKey().toString();
                if (!name.startsWith("Spring-Boot-") || name.equals("Spring-Boot-Version")) {
                    attributes.put(attribute.getKey(), attribute.getValue());
                }
            }
            attributes.remove(new Attributes.Name("Start-Class"));
            attributes.put(Attributes.Name.MAIN_CLASS, main.getValue("Start-Class"));
            attributes.put(
                    Attributes.Name.CLASS_PATH,
                    String.join(
                            " ",
                            libs.stream()
                                    .map(ServiceJar::fileName)
                                    .map(n -> "lib/" + n)
                                    .toList()));

            // Spring Boot's build-info.properties has the build time: a rebuild of the same code would otherwise
            // always give a new jar, and a new jar retires the start-up cache
            Path target = directory.resolve(fatJar.getFileName());
            Path key = directory.resolve(fatJar.getFileName() + ".sha256");
            String content = sha256(applicationJar(jar, appManifest, classesPrefix, true));
            if (!Files.isRegularFile(target)
                    || !Files.isRegularFile(key)
                    || !Files.readString(key).equals(content)) {
                byte[] appJar = applicationJar(jar, appManifest, classesPrefix, false);
                replace(target, out -> out.write(appJar));
                Files.writeString(key, content);
            }
            return target;
        }
    }

    /** The nested jars in class path order, without Spring Boot's jar mode tools. */
    private static List<String> libraries(JarFile jar, Attributes main, String libPrefix) throws IOException {
        Set<String> libs = new LinkedHashSet<>();
        String indexName = main.getValue("Spring-Boot-Classpath-Index");
        ZipEntry index = indexName == null ? null : jar.getEntry(indexName);
        if (index != null) {
            try (InputStream in = jar.getInputStream(index)) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .lines()
                        .map(line -> line.replaceFirst("^- \"", "").replaceFirst("\"$", ""))
                        .filter(name -> name.startsWith(libPrefix))
                        .forEach(libs::add);
            }
        }
        jar.stream()
                .map(ZipEntry::getName)
                .filter(name -> name.startsWith(libPrefix) && name.endsWith(".jar"))
                .forEach(libs::add);
        return libs.stream()
                .filter(name -> !fileName(name).startsWith("spring-boot-jarmode-"))
                .toList();
    }

    /** Copies nested jars whose CRC or size changed and deletes those no longer used. */
    private static void syncLibraries(JarFile jar, List<String> libs, Path libDirectory) throws IOException {
        Path indexFile = libDirectory.resolve(INDEX);
        Properties known = new Properties();
        if (Files.isRegularFile(indexFile)) {
            try (InputStream in = Files.newInputStream(indexFile)) {
                known.load(in);
            }
        }
        Properties current = new Properties();
        for (String name : libs) {
            ZipEntry entry = jar.getEntry(name);
            String fileName = fileName(name);
            String signature = entry.getCrc() + ":" + entry.getSize();
            Path target = libDirectory.resolve(fileName);
            if (!signature.equals(known.getProperty(fileName)) || !Files.isRegularFile(target)) {
                replace(target, out -> {
                    try (InputStream in = jar.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                });
            }
            current.setProperty(fileName, signature);
        }
        try (Stream<Path> files = Files.list(libDirectory)) {
            for (Path file : files.toList()) {
                String fileName = file.getFileName().toString();
                if (fileName.endsWith(".jar") && !current.containsKey(fileName)) {
                    Files.deleteIfExists(file);
                }
            }
        }
        if (!current.equals(known)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new TreeMap<>(current)
                    .forEach((k, v) -> bytes.writeBytes((k + "=" + v + "\n").getBytes(StandardCharsets.ISO_8859_1)));
            replace(indexFile, out -> out.write(bytes.toByteArray()));
        }
    }

    /**
     * The application's classes and resources, and the root META-INF files, as one jar with fixed times.
     *
     * @param withoutBuildTime leave {@code build.time} out of {@code META-INF/build-info.properties}, to compare
     *     contents
     */
    private static byte[] applicationJar(JarFile jar, Manifest manifest, String classesPrefix, boolean withoutBuildTime)
            throws IOException {
        List<JarEntry> entries = new ArrayList<>(jar.stream()
                .filter(e -> !e.isDirectory())
                .filter(e -> e.getName().startsWith(classesPrefix)
                        || (e.getName().startsWith("META-INF/")
                                && !e.getName().equals(JarFile.MANIFEST_NAME)
                                && !e.getName().startsWith("META-INF/maven/")))
                .toList());
        entries.sort(Comparator.comparing(ZipEntry::getName));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes)) {
            ZipEntry metaInf = new ZipEntry("META-INF/");
            metaInf.setTime(FIXED_TIME);
            out.putNextEntry(metaInf);
            out.closeEntry();
            ZipEntry manifestEntry = new ZipEntry(JarFile.MANIFEST_NAME);
            manifestEntry.setTime(FIXED_TIME);
            out.putNextEntry(manifestEntry);
            manifest.write(out);
            out.closeEntry();
            Set<String> written = new LinkedHashSet<>();
            written.add("META-INF/");
            for (JarEntry entry : entries) {
                String name = entry.getName().startsWith(classesPrefix)
                        ? entry.getName().substring(classesPrefix.length())
                        : entry.getName();
                if (name.isEmpty() || written.contains(name)) {
                    continue;
                }
                // directory entries: Spring's component scan finds packages in a jar through them
                for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
                    String directory = name.substring(0, slash + 1);
                    if (written.add(directory)) {
                        ZipEntry dir = new ZipEntry(directory);
                        dir.setTime(FIXED_TIME);
                        out.putNextEntry(dir);
                        out.closeEntry();
                    }
                }
                written.add(name);
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(FIXED_TIME);
                out.putNextEntry(copy);
                try (InputStream in = jar.getInputStream(entry)) {
                    if (withoutBuildTime && name.equals(BUILD_INFO)) {
                        String properties = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                        out.write(properties
                                .replaceAll("(?m)^build\\.time=.*$", "")
                                .getBytes(StandardCharsets.ISO_8859_1));
                    } else {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fileName(String entryName) {
        return entryName.substring(entryName.lastIndexOf('/') + 1);
    }

    @FunctionalInterface
    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Writes a sibling temporary file and moves it over {@code target}; a running JVM keeps the old file open. */
    private static void replace(Path target, Writer writer) throws IOException {
        Path staging =
                Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(staging)) {
                writer.write(out);
            }
            staging.toFile().setReadable(true, false); // temporary files are owner-only
            Files.move(staging, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(staging);
        }
    }
}
