package org.runonce.localstack;

import java.nio.file.Path;

/**
 * Where the local stack keeps its runtime files: {@code ${runonce.home}}, which the build sets to the repository's
 * {@code .runonce/} directory, or {@code ./.runonce} when the property is absent.
 */
public final class RunonceHome {

    /** System property naming the directory; failsafe sets it to {@code <repo>/.runonce}. */
    public static final String PROPERTY = "runonce.home";

    private RunonceHome() {}

    /** The absolute runtime directory (not created by this call). */
    public static Path path() {
        String configured = System.getProperty(PROPERTY);
        Path home = configured == null || configured.isBlank() ? Path.of(".runonce") : Path.of(configured);
        return home.toAbsolutePath().normalize();
    }

    /** Parent of the throwaway directories that tests use: {@code ${runonce.home}/test}. */
    public static Path testDirectory() {
        return path().resolve("test");
    }
}
