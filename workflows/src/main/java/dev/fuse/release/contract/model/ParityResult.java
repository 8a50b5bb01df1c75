package dev.fuse.release.contract.model;

import java.util.List;

/** The parity suite's JUnit report, summarised: totals and each divergent case by name. */
public record ParityResult(Target target, int tests, int failures, List<String> divergences, ArtifactRef report) {
    public ParityResult {
        divergences = List.copyOf(divergences);
    }
}
