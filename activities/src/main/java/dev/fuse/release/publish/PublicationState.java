package dev.fuse.release.publish;

import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreLayout;

/**
 * What the bucket says about a version: nothing public, a publication that never completed (some
 * objects, no {@code PUBLISHED.json}), or published. Only the last one is immutable; an incomplete
 * one is finished by the next run of the version.
 */
public enum PublicationState {
    NONE,
    INCOMPLETE,
    PUBLISHED;

    public static PublicationState of(ArtifactStore store, String version) {
        if (store.exists(StoreLayout.publishedMarker(version))) return PUBLISHED;
        return store.listKeys(StoreLayout.releasePrefix(version)).isEmpty() ? NONE : INCOMPLETE;
    }
}
