package dev.fuse.release.contract.model;

import java.util.List;

/**
 * Per artifact: reproduced or not, which members differ, and a diffoscope report if one was made;
 * and which worker made the second build.
 */
public record ReproducibilityResult(Target target, List<ArtifactComparison> comparisons, String rebuiltBy) {
    public ReproducibilityResult {
        comparisons = List.copyOf(comparisons);
    }

    public ReproducibilityResult(Target target, List<ArtifactComparison> comparisons) {
        this(target, comparisons, null);
    }

    /** @param worker the worker that made the second build (null from workers that predate it) */
    public ReproducibilityResult withRebuiltBy(String worker) {
        return new ReproducibilityResult(target, comparisons, worker);
    }

    public record ArtifactComparison(
            String name,
            String firstSha256,
            String secondSha256,
            List<String> differingMembers,
            ArtifactRef diffReport) {
        public ArtifactComparison {
            differingMembers = List.copyOf(differingMembers);
        }

        public boolean reproduced() {
            return firstSha256.equals(secondSha256);
        }
    }

    public List<ArtifactComparison> mismatches() {
        return comparisons.stream().filter(c -> !c.reproduced()).toList();
    }
}
