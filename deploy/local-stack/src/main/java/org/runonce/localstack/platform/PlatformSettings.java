package org.runonce.localstack.platform;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a platform is started, as {@link org.runonce.localstack.LocalPlatform.Builder} collected it.
 *
 * @param forTests free ports, throwaway data and this JVM's shared test servers; else the fixed ports and persistent
 *     data of {@code ./runonce start}
 * @param properties Spring properties for every application, after the launcher's own
 * @param applicationProperties Spring properties per application module, after every other
 * @param out where progress lines go; null for none
 */
public record PlatformSettings(
        Path repositoryRoot,
        Path home,
        Path logDirectory,
        boolean forTests,
        boolean applications,
        boolean classDataSharing,
        Duration startupTimeout,
        List<String> jvmOptions,
        Map<String, String> properties,
        Map<String, Map<String, String>> applicationProperties,
        PrintStream out) {

    /** Prints a progress line, unless progress is off. */
    public void progress(String line) {
        if (out != null) {
            out.println(line);
        }
    }
}
