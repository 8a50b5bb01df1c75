package dev.fuse.release.contract.model;

/** Archive container of a published artifact; the extension is part of the artifact name. */
public enum ArchiveFormat {
    TAR_GZ("tar.gz"),
    ZIP("zip"),
    VSIX("vsix");

    private final String extension;

    ArchiveFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The container to read: a VSIX is a zip. */
    public ArchiveFormat container() {
        return this == VSIX ? ZIP : this;
    }
}
