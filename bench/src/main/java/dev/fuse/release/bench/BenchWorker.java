package dev.fuse.release.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One worker JVM ({@code java -jar fuse-release.jar worker}) serving the orchestrator, the signer and every
 * platform's queue, the non-native ones and the synthetic targets emulated; logs to
 * {@code worker.log} in the benchmark's folder. Closing it kills it.
 */
final class BenchWorker implements AutoCloseable {
    private final Process process;

    private BenchWorker(Process process) {
        this.process = process;
    }

    static BenchWorker start(Map<String, String> stackEnv, Path work) throws Exception {
        Path log = work.resolve("worker.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The installed launcher's worker options, or -Dbench.workerJvmOptions="-XX:... -XX:..." to
        // compare others by measurement.
        String options = System.getProperty("bench.workerJvmOptions", launcherWorkerOptions())
                .strip();
        if (!options.isEmpty()) command.addAll(List.of(options.split("\\s+")));
        command.addAll(List.of(
                "-jar",
                BenchSupport.HOME.resolve("worker/target/fuse-release.jar").toString(),
                "worker"));
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(stackEnv);
        pb.environment().put("FUSE_RELEASE_EMULATE", "macos-arm64,windows-x64,synthetic");
        pb.environment().put("FUSE_RELEASE_ALLOW_EMULATED_PUBLISH", "true");
        pb.environment().put("FUSE_RELEASE_WORK_DIR", work.resolve("worker").toString());
        BenchWorker worker = new BenchWorker(pb.start());
        Runtime.getRuntime().addShutdownHook(new Thread(worker::close));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains("worker polling")) return worker;
            if (!worker.process.isAlive()) break;
            Thread.sleep(100);
        }
        worker.close();
        throw new IOException("the benchmark's worker did not start; see " + log);
    }

    /**
     * The JVM options the installed launcher gives a worker (its {@code worker_memory} line), so
     * that B2 and B4 measure the worker as it ships.
     */
    static String launcherWorkerOptions() throws IOException {
        Path launcher = BenchSupport.HOME.resolve("distribution/src/dist/bin/fuse-release");
        Matcher line = LAUNCHER_OPTIONS.matcher(Files.readString(launcher));
        if (!line.find()) throw new IOException(launcher + " no longer sets worker_memory");
        return line.group(1);
    }

    private static final Pattern LAUNCHER_OPTIONS = Pattern.compile("(?m)^worker_memory=\"([^\"]*)\"$");

    /** The worker's peak resident set (VmHWM), in KiB, from /proc. */
    long peakRssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        throw new IOException("no VmHWM in /proc/" + process.pid() + "/status");
    }

    /** CPU time the worker's own threads used so far (children not included), in seconds, from /proc. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // Fields 14 and 15 of stat (utime, stime), counted from after the command name, in clock ticks.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
