package dev.fuse.release.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fuse.release.contract.model.ReleaseRequest;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.InMemoryObjectStore;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReleaseIndexTest {
    final ArtifactStore store = new ArtifactStore(new InMemoryObjectStore("fuse-releases"));

    @Test
    void runsAreListedByVersionThenRunAndARecordIsCompletedInPlace() {
        ReleaseIndex index = new ReleaseIndex(store);
        ReleaseRequest request = ReleaseRequest.builder("0.4.0", "/repo", "main")
                .targets(Target.allIds())
                .requestedBy("alice")
                .approvalTimeoutSeconds(60)
                .build();
        index.record(request, "fuse-release-0.4.0", "run-2", "");
        index.record(request, "fuse-release-0.4.0", "run-2", "abc123");
        index.record(request, "fuse-release-0.4.0", "run-1", "abc123");

        assertThat(index.entries())
                .extracting(ReleaseIndex.Entry::runId, ReleaseIndex.Entry::commit, ReleaseIndex.Entry::requestedBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("run-1", "abc123", "alice"),
                        org.assertj.core.groups.Tuple.tuple("run-2", "abc123", "alice"));
    }

    @Test
    void aDamagedEntryIsReportedWithoutHidingTheOthers() {
        ReleaseIndex index = new ReleaseIndex(store);
        index.record(
                ReleaseRequest.builder("0.4.0", "/repo", "main")
                        .targets(Target.allIds())
                        .requestedBy("alice")
                        .approvalTimeoutSeconds(60)
                        .build(),
                "w",
                "run-1",
                "c");
        store.putBytes("index/0.3.9/run-0.json", "{not json".getBytes(StandardCharsets.UTF_8), "application/json");

        assertThat(index.entries())
                .extracting(ReleaseIndex.Entry::revision)
                .containsExactly("unreadable index entry", "main");
    }
}
