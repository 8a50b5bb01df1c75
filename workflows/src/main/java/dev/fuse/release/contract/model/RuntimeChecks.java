package dev.fuse.release.contract.model;

import java.util.List;
import java.util.Map;

/**
 * What running the AOT binary showed: its build metadata (FUSE_AOT_BUILD_INFO=1), whether the
 * startup trace appeared, and whether both fatal envelopes carried pid and build metadata.
 * {@code problems} is empty when everything holds.
 */
public record RuntimeChecks(Target target, Map<String, String> buildInfo, List<String> problems) {
    public RuntimeChecks {
        buildInfo = Map.copyOf(buildInfo);
        problems = List.copyOf(problems);
    }
}
