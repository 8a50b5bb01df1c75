package dev.fuse.release.contract.model;

import java.util.List;

/** Where the release now lives, and whether {@code releases/latest.json} moved to it. */
public record PublishResult(String prefix, List<ArtifactRef> published, boolean latestMoved) {
    public PublishResult {
        published = List.copyOf(published);
    }

    /** The same result without the list of objects (SHA256SUMS and the manifest list them). */
    public PublishResult withoutList() {
        return new PublishResult(prefix, List.of(), latestMoved);
    }
}
