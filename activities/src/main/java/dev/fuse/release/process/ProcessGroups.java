package dev.fuse.release.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Build commands run as leaders of their own process group ({@code setsid}, where the host has
 * it: Linux), so that ending a build ends everything it started, including what escaped the
 * process tree (a daemon that double-forked is no descendant any more, but still in the group).
 *
 * <p>While a group runs, the worker records it as a file named by its id in its own folder. A
 * worker killed with -9 cannot end its builds; the next worker on the host finds the dead worker's
 * folder ({@code WorkerDirectory}) and kills the groups recorded there before removing it.
 */
public final class ProcessGroups {
    private static final Logger log = LoggerFactory.getLogger(ProcessGroups.class);
    private static final Optional<Path> SETSID = onPath("setsid");
    private static final Set<Long> running = ConcurrentHashMap.newKeySet();
    private static volatile Path registry;

    private ProcessGroups() {}

    /** Where this process records its running groups (a folder only it writes). */
    public static void recordIn(Path folder) throws IOException {
        registry = Files.createDirectories(folder);
    }

    /** True when commands get their own process group on this host. */
    public static boolean available() {
        return SETSID.isPresent();
    }

    /** {@code argv} as the leader of a new session and process group, where the host can. */
    static List<String> inOwnGroup(List<String> argv) {
        if (SETSID.isEmpty()) return argv;
        List<String> wrapped = new ArrayList<>();
        wrapped.add(SETSID.get().toString());
        wrapped.addAll(argv);
        return wrapped;
    }

    static void started(Process process) {
        if (SETSID.isEmpty()) return;
        running.add(process.pid());
        Path folder = registry;
        if (folder == null) return;
        try {
            Files.writeString(folder.resolve(Long.toString(process.pid())), "");
        } catch (IOException e) {
            log.warn("cannot record process group {}: {}", process.pid(), e.getMessage());
        }
    }

    static void finished(Process process) {
        running.remove(process.pid());
        Path folder = registry;
        if (folder == null) return;
        try {
            Files.deleteIfExists(folder.resolve(Long.toString(process.pid())));
        } catch (IOException e) {
            log.warn("cannot forget process group {}: {}", process.pid(), e.getMessage());
        }
    }

    /** Kills the whole group {@code process} leads, when it was started as a group of its own. */
    static void killGroupOf(Process process) {
        if (running.contains(process.pid())) killGroup(process.pid());
    }

    /**
     * Kills the groups a dead worker recorded in {@code folder}; returns how many it signalled. A
     * group id is a pid: one recorded by a dead worker is only signalled while no live process
     * outside that group has taken the number.
     */
    public static int killLeftovers(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return 0;
        int killed = 0;
        try (DirectoryStream<Path> groups = Files.newDirectoryStream(folder)) {
            for (Path group : groups) {
                String name = group.getFileName().toString();
                if (!name.matches("[0-9]{1,10}")) continue;
                long id = Long.parseLong(name);
                if (leadsItsGroupOrIsGone(id)) {
                    killGroup(id);
                    killed++;
                }
            }
        }
        return killed;
    }

    /** A live process with this pid that is no group leader means the number was reused. */
    private static boolean leadsItsGroupOrIsGone(long pid) {
        Optional<ProcessHandle> holder = ProcessHandle.of(pid);
        if (holder.isEmpty()) return true;
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[2]) == pid; // field 5 of /proc/<pid>/stat: the process group
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void killGroup(long id) {
        try {
            Process kill = new ProcessBuilder("kill", "-KILL", "--", "-" + id)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            log.warn("cannot kill process group {}: {}", id, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Path> onPath(String command) {
        if (System.getProperty("os.name").startsWith("Windows")) return Optional.empty();
        return Executables.onPath(command, System.getenv("PATH"));
    }
}
