package dev.fuse.release.contract.model;

import java.util.List;

/**
 * One line of evidence per checked artifact, e.g. "fuse-aot-0.4.0-linux-x64.tar.gz: 3 entries
 * ok", and what running the AOT binary showed (null when no AOT artifact was checked).
 */
public record VerifyResult(List<String> checks, RuntimeChecks runtime) {
    public VerifyResult {
        checks = List.copyOf(checks);
    }
}
