package dev.fuse.release.build;

import dev.fuse.release.contract.model.ArchiveFormat;
import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.contract.model.ReproducibilityRequest;
import dev.fuse.release.contract.model.ReproducibilityResult;
import dev.fuse.release.packaging.ArchiveContents;
import dev.fuse.release.packaging.ArtifactPackager;
import dev.fuse.release.process.CommandRunner;
import dev.fuse.release.secrets.StepEnvironment;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreLayout;
import dev.fuse.release.support.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds a target in a second clean workspace and compares each archive with the staged one.
 * On a mismatch it names the differing members and, when diffoscope is installed, stores its
 * report next to the build logs.
 */
public final class ReproducibilityChecker {
    private final TargetBuilder builder;
    private final ArtifactStore store;

    public ReproducibilityChecker(TargetBuilder builder, ArtifactStore store) {
        this.builder = builder;
        this.store = store;
    }

    public ReproducibilityResult check(ReproducibilityRequest request, Runnable heartbeat)
            throws IOException, InterruptedException {
        return builder.rebuild(request.plan(), request.target(), heartbeat, (rebuilt, ws) -> {
            List<ReproducibilityResult.ArtifactComparison> comparisons = new ArrayList<>();
            for (Artifact staged : request.staged()) {
                ArtifactPackager.Packaged second = rebuilt.stream()
                        .filter(p -> p.name().equals(staged.name()))
                        .findFirst()
                        .orElseThrow(() -> new IOException("the rebuild produced no " + staged.name()));
                String secondSha = Sha256.of(second.file());
                if (secondSha.equals(staged.ref().sha256())) {
                    comparisons.add(new ReproducibilityResult.ArtifactComparison(
                            staged.name(), staged.ref().sha256(), secondSha, List.of(), null));
                    continue;
                }
                heartbeat.run();
                Path first = ws.dir("staged").resolve(staged.name());
                store.download(staged.ref(), first);
                ArchiveFormat container = staged.format().container();
                List<String> differing = ArchiveContents.differing(
                        ArchiveContents.entries(first, container), ArchiveContents.entries(second.file(), container));
                ArtifactRef report =
                        diffoscope(request, staged.name(), first, second.file(), ws.dir("diffoscope"), heartbeat);
                comparisons.add(new ReproducibilityResult.ArtifactComparison(
                        staged.name(), staged.ref().sha256(), secondSha, differing, report));
            }
            return new ReproducibilityResult(request.target(), comparisons);
        });
    }

    /** Runs diffoscope when it is on the PATH; its absence is not an error, the member list stands. */
    private ArtifactRef diffoscope(
            ReproducibilityRequest request, String name, Path a, Path b, Path dir, Runnable heartbeat) {
        try {
            Path log = dir.resolve(name + ".diffoscope.txt");
            CommandRunner.Outcome o = CommandRunner.run(
                    List.of("diffoscope", "--text", "-", a.toString(), b.toString()),
                    dir,
                    StepEnvironment.forTool(dir),
                    Duration.ofMinutes(5),
                    log,
                    heartbeat);
            if (o.exitCode() == 127 || Files.size(log) == 0) return null;
            String key = StoreLayout.log(
                    request.plan().version(),
                    request.plan().runId(),
                    request.target().id(),
                    "diffoscope-" + name);
            return store.putFile(key, log);
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            return null;
        }
    }
}
