package dev.fuse.release.publish;

import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreLayout;

/**
 * What the bucket says about a version: nothing public, a publication that never completed (some
 * objects, no {@code PUBLISHED.json}), published, or published and then yanked by a rollback.
 * Published and yanked versions are immutable; an incomplete one is finished by the next run.
 */
public enum PublicationState {
    NONE,
    INCOMPLETE,
    PUBLISHED,
    YANKED;

    public static PublicationState of(ArtifactStore store, String version) {
        if (store.exists(StoreLayout.publishedMarker(version))) {
            return store.exists(StoreLayout.yankMarker(version)) ? YANKED : PUBLISHED;
        }
        return store.listKeys(StoreLayout.releasePrefix(version)).isEmpty() ? NONE : INCOMPLETE;
    }

    /** Whether the version's folder is final: published, whether or not it was yanked since. */
    public boolean published() {
        return this == PUBLISHED || this == YANKED;
    }
}
