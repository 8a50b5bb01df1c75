package dev.fuse.release.contract.model;

import java.util.List;
import java.util.Objects;

/**
 * One release artifact as staged: its contract name, family, target (null for the
 * target-independent VSIX), stored object, the entries it must hold (relative to its top folder)
 * and the digest of the main executable inside it.
 */
public record Artifact(
        String name,
        ArtifactType type,
        String target,
        ArchiveFormat format,
        ArtifactRef ref,
        String executable,
        String executableSha256,
        List<String> members,
        BuildHost host,
        Reproducibility reproducibility) {

    public static final String MISMATCH = "mismatch";
    public static final String NOT_CHECKED = "not-checked";

    public Artifact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(host, "host");
        members = List.copyOf(members);
        reproducibility = reproducibility == null ? Reproducibility.NOT_CHECKED : reproducibility;
    }

    public Artifact withReproducibility(Reproducibility verdict) {
        return new Artifact(name, type, target, format, ref, executable, executableSha256, members, host, verdict);
    }
}
