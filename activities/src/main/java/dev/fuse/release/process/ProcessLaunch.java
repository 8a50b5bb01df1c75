package dev.fuse.release.process;

import java.util.Locale;

/** How this JVM starts processes; the cold-start figures of the measure stage depend on it. */
public final class ProcessLaunch {
    static final String PROPERTY = "jdk.lang.Process.launchMechanism";

    private ProcessLaunch() {}

    /**
     * On Linux, JDK 17 starts a process with posix_spawn of its {@code jspawnhelper}, which then
     * execs the command: two execs per start. {@code VFORK} (the JDK's Linux default until 12)
     * execs the command directly. That saves about 0.4 ms per process, a third of the example's
     * AOT cold start (bench B3), and every build step and git call gains it too. Call first thing
     * in {@code main}, before any process is started; an explicit {@code -D} setting wins.
     */
    public static void preferDirectExec() {
        boolean linux =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
        if (linux && System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "VFORK");
        }
    }
}
