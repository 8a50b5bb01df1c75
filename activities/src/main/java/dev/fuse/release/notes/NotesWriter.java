package dev.fuse.release.notes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.contract.model.NotesSince;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.contract.model.ReleaseVersion;
import dev.fuse.release.failure.PipelineException;
import dev.fuse.release.git.Git;
import dev.fuse.release.releasecontract.ReleaseContract;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreLayout;
import dev.fuse.release.support.CanonicalJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    public Staged stage(ReleasePlan plan, Path checkout, String contractRationale, NotesSince since)
            throws IOException {
        NotesInput in = input(plan, checkout, contractRationale, since);
        ArtifactRef markdown = store.putBytes(
                plan.stagingPrefix() + NotesDocument.MARKDOWN_FILE,
                NotesDocument.markdown(in),
                "text/markdown; charset=utf-8");
        ArtifactRef json = store.putBytes(
                plan.stagingPrefix() + NotesDocument.JSON_FILE, NotesDocument.json(in), "application/json");
        return new Staged(
                List.of(markdown, json), in.contractChanged() ? in.previous().version() : null);
    }

    NotesInput input(ReleasePlan plan, Path checkout, String contractRationale, NotesSince since) throws IOException {
        PreviousRelease ledger = new PreviousRelease(store);
        PreviousRelease.Published previous = ledger.baseFor(plan.version()).orElse(null);
        String previousVersion = previous == null ? null : previous.version();
        PreviousRelease.Published candidate =
                ledger.lastCandidate(plan.version(), previousVersion).orElse(null);
        NotesInput.Bases bases = since == null
                ? NotesInput.Bases.fromLedger(previous, candidate)
                : new NotesInput.Bases(named(ledger, checkout, since.ref()), previous, candidate, since.reason());
        String baseCommit = bases.base() == null ? null : bases.base().commit();
        return new NotesInput(
                plan.projectName(),
                plan.version(),
                bases,
                CommitRange.read(checkout, baseCommit, plan.commit()),
                contractChanges(previousVersion, checkout.resolve(ReleaseContract.FILE_NAME)),
                contractRationale);
    }

    /** The base named by {@code --notes-since}: a published release by its version, else a commit. */
    private static PreviousRelease.Published named(PreviousRelease ledger, Path checkout, String ref)
            throws IOException {
        if (ReleaseVersion.isValid(ref)) {
            return ledger.published(ref)
                    .orElseThrow(() -> new PipelineException(
                            FailureType.CHECKOUT_FAILED,
                            "--notes-since " + ref + " is not a published release; name a published version"
                                    + " (./fuse-release list) or a commit"));
        }
        try {
            return new PreviousRelease.Published(null, Git.resolve(checkout, ref));
        } catch (Git.GitException e) {
            throw new PipelineException(
                    FailureType.CHECKOUT_FAILED,
                    "--notes-since '" + ref + "' is neither a published release nor a commit of the repository;"
                            + " name a published version (./fuse-release list) or a commit, tag or branch",
                    e);
        }
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
