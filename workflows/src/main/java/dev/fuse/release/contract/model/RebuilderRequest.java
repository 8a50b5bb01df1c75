package dev.fuse.release.contract.model;

import java.util.Objects;

/** Asks for a live worker of {@code platform} other than {@code builtBy} to rebuild on. */
public record RebuilderRequest(String platform, String builtBy) {
    public RebuilderRequest {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(builtBy, "builtBy");
    }
}
