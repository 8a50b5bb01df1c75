package dev.fuse.release.contract.model;

import java.util.List;

/**
 * How the figures of one target were taken, recorded with them: host class, target triple, git
 * revision, exact command lines, a digest of the environment, load average before and after.
 */
public record MeasurementProtocol(
        String os,
        String arch,
        String cpuModel,
        int cores,
        String hostClass,
        boolean emulated,
        String targetTriple,
        String commit,
        List<String> commands,
        String environmentSha256,
        double loadAverageStart,
        double loadAverageEnd,
        String percentileMethod) {
    public MeasurementProtocol {
        commands = List.copyOf(commands);
    }
}
