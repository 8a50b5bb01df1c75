package dev.fuse.release.process;

import java.io.IOException;
import java.io.InterruptedIOException;
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

    private static final int TEXT_BUSY_ATTEMPTS = 5;

    /**
     * Starts the process; a start refused with ETXTBSY ("Text file busy", error=26) is tried again
     * after a short pause. Linux refuses to exec a file that some process holds open for writing,
     * and a binary this worker just wrote can be held open for a moment by a child another thread
     * forked meanwhile (the child closes inherited descriptors only just before its own exec).
     * Concurrent releases on one worker met it (bench B4).
     */
    public static Process start(ProcessBuilder builder) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return builder.start();
            } catch (IOException e) {
                if (attempt >= TEXT_BUSY_ATTEMPTS
                        || !String.valueOf(e.getMessage()).contains("error=26")) throw e;
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) throws IOException {
        try {
            Thread.sleep(10L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while starting a process");
        }
    }
}
