package dev.fuse.release.notes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.releasecontract.ReleaseContract;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreLayout;
import dev.fuse.release.support.CanonicalJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Writes a planned release's notes to its staging prefix, from the planner's checkout: the range
 * from the previous published release (see {@link PreviousRelease}) to the planned commit, its
 * commits by group, and how the contract differs from that release's.
 */
public final class NotesWriter {
    private final ArtifactStore store;

    public NotesWriter(ArtifactStore store) {
        this.store = store;
    }

    /**
     * The staged notes: both files (Markdown first) and the release the contract changed since,
     * or null when it did not (or there is no base to compare with).
     */
    public record Staged(List<ArtifactRef> files, String contractChangedSince) {}

    public Staged stage(ReleasePlan plan, Path checkout, String contractRationale) throws IOException {
        NotesInput in = input(plan, checkout, contractRationale);
        ArtifactRef markdown = store.putBytes(
                plan.stagingPrefix() + NotesDocument.MARKDOWN_FILE,
                NotesDocument.markdown(in),
                "text/markdown; charset=utf-8");
        ArtifactRef json = store.putBytes(
                plan.stagingPrefix() + NotesDocument.JSON_FILE, NotesDocument.json(in), "application/json");
        return new Staged(
                List.of(markdown, json), in.contractChanged() ? in.base().version() : null);
    }

    NotesInput input(ReleasePlan plan, Path checkout, String contractRationale) throws IOException {
        PreviousRelease previous = new PreviousRelease(store);
        Optional<PreviousRelease.Published> base = previous.baseFor(plan.version());
        String baseVersion = base.map(PreviousRelease.Published::version).orElse(null);
        CommitRange range = CommitRange.read(
                checkout, base.map(PreviousRelease.Published::commit).orElse(null), plan.commit());
        return new NotesInput(
                plan.projectName(),
                plan.version(),
                base.orElse(null),
                previous.lastCandidate(plan.version(), baseVersion).orElse(null),
                null,
                range,
                contractChanges(baseVersion, checkout.resolve(ReleaseContract.FILE_NAME)),
                contractRationale);
    }

    private List<ContractDiff.Change> contractChanges(String baseVersion, Path contract) throws IOException {
        if (baseVersion == null) return List.of();
        String key = StoreLayout.releasePrefix(baseVersion) + ReleaseContract.FILE_NAME;
        if (!store.exists(key)) return List.of();
        JsonNode before = CanonicalJson.MAPPER.readTree(store.getBytes(key));
        JsonNode now = CanonicalJson.MAPPER.readTree(Files.readAllBytes(contract));
        return ContractDiff.between(before, now);
    }
}
