package dev.fuse.release.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code verify} found for one release: each check that held, and each mismatch with the
 * object, what was expected and what was found. The release verifies only when there is no problem.
 */
public final class AuditReport {
    /** One mismatch: the object, the check, what should have been there and what was. */
    public record Problem(String object, String check, String expected, String found) {
        public String line() {
            return object + ": " + check + ": expected " + expected + ", found " + found;
        }
    }

    private final String version;
    private final List<String> held = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    public AuditReport(String version) {
        this.version = version;
    }

    public void held(String check) {
        held.add(check);
    }

    public void problem(String object, String check, String expected, String found) {
        problems.add(new Problem(object, check, expected, found));
    }

    public void skipped(String why) {
        skipped.add(why);
    }

    /** Adds a problem found outside the files (e.g. in the release's Temporal history). */
    public void problem(Problem problem) {
        problems.add(problem);
    }

    public String version() {
        return version;
    }

    public List<String> checks() {
        return List.copyOf(held);
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
