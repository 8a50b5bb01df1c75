package dev.fuse.release.notes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fuse.release.contract.model.ReleaseVersion;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreLayout;
import dev.fuse.release.support.CanonicalJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The release a version's notes start from, read from our own records rather than guessed from
 * tag names: the newest release before it (in version order) that is published and not yanked,
 * and stable (a release candidate is compared with the last stable release too). The newest
 * candidate published since that base is named beside it.
 */
public final class PreviousRelease {
    /** A published release: its version and the commit it was built from ({@code PUBLISHED.json}). */
    public record Published(String version, String commit) {}

    private final ArtifactStore store;

    public PreviousRelease(ArtifactStore store) {
        this.store = store;
    }

    /** The base for {@code version}: the newest stable, published, not yanked release before it. */
    public Optional<Published> baseFor(String version) throws IOException {
        List<ReleaseVersion> older = olderPublished(version);
        for (int i = older.size() - 1; i >= 0; i--) {
            if (!older.get(i).toString().contains("-"))
                return Optional.of(read(older.get(i).toString()));
        }
        return Optional.empty();
    }

    /** The newest published candidate after {@code base} and before {@code version}, if any. */
    public Optional<Published> lastCandidate(String version, String base) throws IOException {
        List<ReleaseVersion> older = olderPublished(version);
        ReleaseVersion after = base == null ? null : ReleaseVersion.parse(base);
        for (int i = older.size() - 1; i >= 0; i--) {
            ReleaseVersion v = older.get(i);
            if (after != null && v.compareTo(after) <= 0) break;
            if (v.toString().contains("-")) return Optional.of(read(v.toString()));
        }
        return Optional.empty();
    }

    /** A named version as a base (for {@code --notes-since}), when it is published. */
    public Optional<Published> published(String version) throws IOException {
        return store.exists(StoreLayout.publishedMarker(version)) ? Optional.of(read(version)) : Optional.empty();
    }

    private List<ReleaseVersion> olderPublished(String version) {
        ReleaseVersion current = ReleaseVersion.parse(version);
        List<ReleaseVersion> older = new ArrayList<>();
        for (String folder : store.listFolders("releases/")) {
            String name = folder.substring("releases/".length()).replace("/", "");
            if (!ReleaseVersion.isValid(name)) continue;
            ReleaseVersion v = ReleaseVersion.parse(name);
            if (v.compareTo(current) < 0 && publishedAndNotYanked(name)) {
                older.add(v);
            }
        }
        older.sort(Comparator.naturalOrder());
        return older;
    }

    /** Read from the markers themselves: a release is published once its PUBLISHED.json exists. */
    private boolean publishedAndNotYanked(String version) {
        return store.exists(StoreLayout.publishedMarker(version)) && !store.exists(StoreLayout.yankMarker(version));
    }

    private Published read(String version) throws IOException {
        JsonNode marker = CanonicalJson.MAPPER.readTree(store.getBytes(StoreLayout.publishedMarker(version)));
        return new Published(version, marker.path("commit").asText(null));
    }
}
