package dev.fuse.release.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.InMemoryObjectStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WorkerRegistryTest {
    private final InMemoryObjectStore bucket = new InMemoryObjectStore("fuse-releases");
    private final ArtifactStore store = new ArtifactStore(bucket);
    private final Instant start = Instant.parse("2026-11-27T12:00:00Z");

    private WorkerRegistry at(Duration later) {
        return new WorkerRegistry(store, Clock.fixed(start.plus(later), ZoneOffset.UTC));
    }

    @Test
    void anotherLiveWorkerOfThePlatformIsChosenNeverTheBuilder() {
        at(Duration.ZERO).announce("linux-x64", "a:worker-1");
        at(Duration.ofSeconds(5)).announce("linux-x64", "b:worker-2");
        at(Duration.ofSeconds(6)).announce("windows-x64", "c:worker-3");

        WorkerRegistry now = at(Duration.ofSeconds(10));
        assertThat(now.otherLiveWorker("linux-x64", "a:worker-1")).contains("fuse-release-linux-x64@b:worker-2");
        assertThat(now.otherLiveWorker("linux-x64", "b:worker-2")).contains("fuse-release-linux-x64@a:worker-1");
        assertThat(now.otherLiveWorker("windows-x64", "c:worker-3")).isEmpty();
    }

    @Test
    void aWorkerSilentForLongerThanTheWindowCountsAsGone() {
        at(Duration.ZERO).announce("linux-x64", "a:worker-1");
        at(Duration.ZERO).announce("linux-x64", "b:worker-2");

        assertThat(at(WorkerRegistry.ALIVE_FOR).otherLiveWorker("linux-x64", "a:worker-1"))
                .isPresent();
        assertThat(at(WorkerRegistry.ALIVE_FOR.plusSeconds(1)).otherLiveWorker("linux-x64", "a:worker-1"))
                .isEmpty();
    }

    @Test
    void aWithdrawnWorkerIsNotChosen() {
        at(Duration.ZERO).announce("linux-x64", "b:worker-2");
        at(Duration.ofSeconds(1)).withdraw("linux-x64", "b:worker-2");

        assertThat(at(Duration.ofSeconds(2)).otherLiveWorker("linux-x64", "a:worker-1"))
                .isEmpty();
    }

    @Test
    void anUnreadableEntryIsNoWorkerRatherThanAnError() {
        at(Duration.ZERO).announce("linux-x64", "a:worker-1");
        store.putBytes(
                WorkerRegistry.key("linux-x64", "junk"),
                "not json".getBytes(StandardCharsets.UTF_8),
                "application/json");

        assertThat(at(Duration.ofSeconds(1)).otherLiveWorker("linux-x64", "b:worker-2"))
                .contains("fuse-release-linux-x64@a:worker-1");
    }
}
