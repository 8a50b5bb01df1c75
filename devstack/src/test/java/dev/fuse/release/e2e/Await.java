package dev.fuse.release.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The one way the end-to-end tests wait: a probe polled until it answers, bounded in time, with
 * what was awaited and the last thing seen in the failure. No test sleeps for a fixed time to let
 * something happen.
 */
final class Await {
    static final Duration RELEASE_STEP = Duration.ofMinutes(3);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ENDED = Set.of("PUBLISHED", "FAILED", "REJECTED", "ABANDONED", "CANCELLED");

    private Await() {}

    /** What a probe returns: the awaited value, or null for "not yet". It may fail the test early. */
    interface Probe<T> {
        T poll() throws Exception;
    }

    static <T> T until(String what, Duration timeout, Probe<T> probe) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T found = probe.poll();
            if (found != null) return found;
            if (System.nanoTime() > deadline) throw new AssertionError("waited " + timeout + " for " + what);
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The release's status once it reaches {@code phase}; fails as soon as it ends in another phase. */
    static JsonNode phase(Map<String, String> env, String version, String phase) throws Exception {
        return phase(env, version, phase, RELEASE_STEP);
    }

    static JsonNode phase(Map<String, String> env, String version, String phase, Duration timeout) throws Exception {
        JsonNode[] last = {null};
        try {
            return until(version + " to reach " + phase, timeout, () -> {
                JsonNode s = status(env, version);
                last[0] = s;
                String now = s.path("phase").asText();
                if (now.equals(phase)) return s;
                assertThat(ENDED).as("%s ended early: %s", version, s).doesNotContain(now);
                return null;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last status: " + last[0], e);
        }
    }

    static JsonNode status(Map<String, String> env, String version) throws Exception {
        CliRun r = CliRun.run(env, "status", version, "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return JSON.readTree(r.out());
    }
}
