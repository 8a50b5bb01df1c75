package dev.fuse.release.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.contract.model.Phase;
import dev.fuse.release.contract.model.ReleaseStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code watch --output json}: one object per line each time the status changes, the last one the end. */
class WatcherTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static ReleaseStatus in(Phase phase) {
        return new ReleaseStatus(
                "0.4.0",
                phase,
                null,
                List.of(),
                List.of(),
                null,
                null,
                new ReleaseStatus.Outcome(null, null),
                List.of());
    }

    @Test
    void eachChangeIsOneJsonLineAndRepeatsAreNotPrinted() throws Exception {
        Deque<ReleaseStatus> polls = new ArrayDeque<>(List.of(
                in(Phase.PLANNING), in(Phase.BUILDING), in(Phase.BUILDING), in(Phase.METADATA), in(Phase.PUBLISHED)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Watcher.Outcome outcome = Watcher.followJson(
                polls::removeFirst, () -> true, "0.4.0", new PrintStream(bytes, true, StandardCharsets.UTF_8));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(4);
        List<String> phases = lines.stream()
                .map(l -> {
                    try {
                        return JSON.readTree(l).path("phase").asText();
                    } catch (Exception e) {
                        throw new AssertionError("not JSON: " + l, e);
                    }
                })
                .toList();
        assertThat(phases).containsExactly("PLANNING", "BUILDING", "METADATA", "PUBLISHED");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.OK);
    }
}
