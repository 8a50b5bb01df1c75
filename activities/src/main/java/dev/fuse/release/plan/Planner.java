package dev.fuse.release.plan;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.contract.model.InvalidRequestException;
import dev.fuse.release.contract.model.NotesSince;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.contract.model.ReleaseRequest;
import dev.fuse.release.contract.model.ReleaseVersion;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.failure.PipelineException;
import dev.fuse.release.git.Git;
import dev.fuse.release.git.RepositoryMirrors;
import dev.fuse.release.index.ReleaseIndex;
import dev.fuse.release.notes.NotesWriter;
import dev.fuse.release.publish.LatestPointer;
import dev.fuse.release.publish.PublicationState;
import dev.fuse.release.recipe.Recipe;
import dev.fuse.release.recipe.RecipeLoader;
import dev.fuse.release.releasecontract.ContractLoader;
import dev.fuse.release.releasecontract.ReleaseContract;
import dev.fuse.release.releasecontract.ThresholdChanges;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreLayout;
import dev.fuse.release.support.Sha256;
import dev.fuse.release.support.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Freezes a request into a plan: resolves the revision to a commit, validates the recipe at that
 * commit, reads SOURCE_DATE_EPOCH from the commit, and refuses a version already published.
 */
public final class Planner {
    private final ArtifactStore store;
    private final Path workRoot;
    private final boolean allowEmulatedPublish;

    public Planner(ArtifactStore store, Path workRoot, boolean allowEmulatedPublish) {
        this.store = store;
        this.workRoot = workRoot;
        this.allowEmulatedPublish = allowEmulatedPublish;
    }

    /**
     * 0.21.0-RC1 and 0.21.0-rc1 would be two releases whose folders, downloads and workflow ids
     * collide on a case-insensitive file system (macOS, Windows): the second is refused, naming the first.
     */
    private void refuseCaseVariant(String version) {
        Set<String> known = new TreeSet<>();
        for (String prefix : List.of("index/", "releases/")) {
            store.listFolders(prefix)
                    .forEach(f -> known.add(f.substring(prefix.length()).replace("/", "")));
        }
        for (String existing : known) {
            if (existing.equalsIgnoreCase(version) && !existing.equals(version)) {
                throw new PipelineException(
                        FailureType.VERSION_CONFLICT,
                        "version " + version + " differs from the existing release " + existing + " only in case;"
                                + " their files would collide on a case-insensitive file system: use " + existing
                                + " or another version");
            }
        }
    }

    public ReleasePlan plan(ReleaseRequest request, String workflowId, String runId) throws IOException {
        String version = request.version();
        if (PublicationState.of(store, version).published()) {
            throw new PipelineException(
                    FailureType.ALREADY_PUBLISHED,
                    "version " + version + " is already published at " + StoreLayout.releasePrefix(version)
                            + "; published releases are immutable, release a new version");
        }
        refuseCaseVariant(version);
        // Recorded first, so that a release which fails in planning is still listed.
        ReleaseIndex index = new ReleaseIndex(store);
        index.record(request, workflowId, runId, "");
        try (Workspace ws = Workspace.create(workRoot, "plan-" + version)) {
            Path tree = ws.root().resolve("src");
            String commit = checkOut(request, tree, ws.mirrors());
            Recipe recipe = loadValidated("recipe", commit, () -> RecipeLoader.load(tree));
            ReleaseContract contract = loadValidated("release contract", commit, () -> ContractLoader.load(tree));
            long epoch = sourceDateEpoch(request, tree, commit);
            String previous = previousVersion(version);
            checkThresholdChanges(contract, previous);
            ReleasePlan plan = new ReleasePlan(
                    new ReleasePlan.Source(
                            version,
                            recipe.project(),
                            request.repository(),
                            commit,
                            epoch,
                            Sha256.of(tree.resolve(Recipe.FILE_NAME)),
                            previous,
                            ToolchainFile.read(tree.resolve(recipe.rustToolchainFile()), recipe.node())),
                    new ReleasePlan.Staging(
                            store.bucket(), runId, StoreLayout.stagingPrefix(version, runId), List.of()),
                    new ReleasePlan.Policy(
                            allowEmulatedPublish,
                            recipe.reproducibilityCheck(),
                            contract.blockOnReproducibilityMismatch()),
                    new ReleasePlan.ContractTerms(contract.id(), contract.slo(), contract.rationale(), null),
                    request.sortedTargets(),
                    request.staticTargets().stream().map(Target::parse).toList());
            checkStaticLinking(plan, recipe);
            plan = stageDocuments(plan, tree, contract, request.notesSince());
            index.record(request, workflowId, runId, commit);
            return plan;
        }
    }

    /**
     * Stages the contract (it travels with the release, so the next one can tell what changed) and
     * the notes, and returns the plan that records them at their digests and says whether the
     * contract changed since the previous release.
     */
    private ReleasePlan stageDocuments(ReleasePlan plan, Path tree, ReleaseContract contract, NotesSince since)
            throws IOException {
        List<ArtifactRef> documents = new ArrayList<>();
        documents.add(store.putFile(
                plan.stagingPrefix() + ReleaseContract.FILE_NAME, tree.resolve(ReleaseContract.FILE_NAME)));
        NotesWriter.Staged notes = new NotesWriter(store).stage(plan, tree, contract.rationale(), since);
        documents.addAll(notes.files());
        return plan.withDocuments(documents)
                .withContract(new ReleasePlan.ContractTerms(
                        contract.id(), contract.slo(), contract.rationale(), notes.contractChangedSince()));
    }

    private static void checkStaticLinking(ReleasePlan plan, Recipe recipe) {
        if (!plan.staticTargets().isEmpty()
                && recipe.build().stream().allMatch(s -> s.staticArgs().isEmpty())) {
            throw new PipelineException(
                    FailureType.INVALID_RECIPE,
                    "static linking was asked for, but no build step of " + Recipe.FILE_NAME + " has staticArgs");
        }
    }

    /** Clones the repository into {@code tree}, resolves the revision and checks it out; the commit. */
    private static String checkOut(ReleaseRequest request, Path tree, Path mirrors) throws IOException {
        try {
            RepositoryMirrors.in(mirrors).cloneLatest(request.repository(), tree);
        } catch (Git.GitException e) {
            throw new PipelineException(
                    FailureType.CHECKOUT_FAILED, "cannot clone " + request.repository() + ": " + e.getMessage(), e);
        }
        String commit;
        try {
            commit = Git.resolve(tree, request.revision());
        } catch (Git.GitException e) {
            throw new PipelineException(
                    FailureType.CHECKOUT_FAILED,
                    "revision '" + request.revision() + "' does not exist in " + request.repository()
                            + "; pass a commit, tag or branch that does",
                    e);
        }
        try {
            Git.checkoutInPlace(tree, commit);
        } catch (Git.GitException e) {
            throw new PipelineException(
                    FailureType.CHECKOUT_FAILED, "cannot check out " + commit + ": " + e.getMessage(), e);
        }
        return commit;
    }

    private interface Loader<T> {
        T load() throws IOException;
    }

    /** Loads a file of the revision; its validation problems become one INVALID_RECIPE failure. */
    private static <T> T loadValidated(String what, String commit, Loader<T> loader) throws IOException {
        try {
            return loader.load();
        } catch (InvalidRequestException e) {
            throw new PipelineException(
                    FailureType.INVALID_RECIPE,
                    "invalid " + what + " at " + commit.substring(0, 12) + ": " + e.getMessage(),
                    e);
        }
    }

    /** The request's override, else the commit's time; either must be a time the archives hold exactly. */
    private static long sourceDateEpoch(ReleaseRequest request, Path tree, String commit) throws IOException {
        long epoch = request.sourceDateEpoch() != null ? request.sourceDateEpoch() : Git.commitTime(tree, commit);
        String problem = ReleaseRequest.sourceDateEpochProblem(epoch);
        if (problem != null) {
            throw new PipelineException(
                    FailureType.INVALID_RECIPE,
                    "the time of commit " + commit.substring(0, 12) + " cannot be the release's SOURCE_DATE_EPOCH: "
                            + problem);
        }
        return epoch;
    }

    /**
     * A threshold looser than the previous release's contract needs a written rationale in the
     * contract file; with one, the change is recorded in the SLO report.
     */
    private void checkThresholdChanges(ReleaseContract contract, String previousVersion) {
        if (previousVersion == null) return;
        String key = StoreLayout.releasePrefix(previousVersion) + ReleaseContract.FILE_NAME;
        if (!store.exists(key)) return;
        ReleaseContract previous = ContractLoader.parse(new String(store.getBytes(key), StandardCharsets.UTF_8));
        List<String> relaxed = ThresholdChanges.relaxed(previous.slo(), contract.slo());
        if (!relaxed.isEmpty() && contract.rationale() == null) {
            throw new PipelineException(
                    FailureType.INVALID_RECIPE,
                    ReleaseContract.FILE_NAME + ": " + String.join("; ", relaxed) + " since release " + previousVersion
                            + "; a relaxed threshold needs a written thresholdChangeRationale");
        }
    }

    private String previousVersion(String version) {
        Optional<LatestPointer.Latest> latest = new LatestPointer(store).read();
        return latest.map(LatestPointer.Latest::version)
                .filter(v -> ReleaseVersion.parse(v).compareTo(ReleaseVersion.parse(version)) < 0)
                .orElse(null);
    }
}
