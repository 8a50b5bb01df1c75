package dev.fuse.release.contract.model;

import java.util.List;

/**
 * Cold start of one mode (AOT or JIT-native): every sample, spawn to first successful HTTP
 * response, in milliseconds, and its nearest-rank p50 and p95.
 */
public record ColdStart(
        String mode, List<String> command, List<Double> samplesMillis, double p50Millis, double p95Millis) {
    public ColdStart {
        command = List.copyOf(command);
        samplesMillis = List.copyOf(samplesMillis);
    }
}
