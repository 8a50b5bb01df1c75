package dev.fuse.release.model;

import java.util.List;

/** Per artifact: reproduced or not, which members differ, and a diffoscope report if one was made. */
public record ReproducibilityResult(Target target, List<ArtifactComparison> comparisons) {
    public ReproducibilityResult {
        comparisons = List.copyOf(comparisons);
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
