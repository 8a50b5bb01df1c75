package dev.fuse.release.contract.model;

/**
 * Artifact families of the contract, in discovery order: metadata lists artifacts type by type
 * in this order, and by name within a type.
 */
public enum ArtifactType {
    CLI("cli", "fuse-cli"),
    AOT("aot", "fuse-aot"),
    VSCODE("vscode", "fuse-vscode");

    private final String id;
    private final String namePrefix;

    ArtifactType(String id, String namePrefix) {
        this.id = id;
        this.namePrefix = namePrefix;
    }

    public String id() {
        return id;
    }

    public String namePrefix() {
        return namePrefix;
    }

    /** The fixed artifact name of the contract, e.g. {@code fuse-aot-0.4.0-windows-x64.zip}. */
    public String artifactName(String version, Target target) {
        if (this == VSCODE) {
            return namePrefix + "-" + version + "." + ArchiveFormat.VSIX.extension();
        }
        return namePrefix + "-" + version + "-" + target.id() + "."
                + target.archiveFormat().extension();
    }
}
