package org.runonce.localstack;

import java.lang.reflect.InvocationTargetException;

/**
 * Entry point of {@code local-stack-exec.jar}. Compiled for Java 17, unlike the rest of the module, so that running
 * the jar with an older JVM prints what to do instead of an {@code UnsupportedClassVersionError}.
 */
public final class LocalPlatformLauncher {

    private static final int MINIMUM_JAVA = 21;

    private LocalPlatformLauncher() {}

    public static void main(String[] args) throws Throwable {
        int feature = Runtime.version().feature();
        if (feature < MINIMUM_JAVA) {
            System.err.println("runonce: RunOnce needs Java " + MINIMUM_JAVA + " or newer, but this is Java " + feature
                    + " (" + System.getProperty("java.home") + ").");
            System.err.println("runonce: use ./runonce start, which finds a JDK 21+, or set JAVA_HOME to one.");
            System.exit(1);
        }
        try {
            Class.forName("org.runonce.localstack.LocalPlatform")
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
