package dev.fuse.release.contract.model;

import java.util.Objects;

/**
 * The machine class that really produced a build. {@code emulated} is true when a worker built a
 * target on a host of another platform (the dev stack does this for the non-native targets), so
 * that nobody mistakes such an artifact for a native one.
 */
public record BuildHost(String hostClass, boolean emulated) {
    public BuildHost {
        Objects.requireNonNull(hostClass, "hostClass");
    }
}
