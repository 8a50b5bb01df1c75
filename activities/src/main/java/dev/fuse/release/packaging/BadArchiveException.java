package dev.fuse.release.packaging;

/** An archive that fails integrity verification; names the archive and the offending entry. */
public class BadArchiveException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String archive;
    private final String entry;

    public BadArchiveException(String archive, String entry, String reason) {
        super(archive + (entry == null ? "" : ": entry '" + entry + "'") + ": " + reason);
        this.archive = archive;
        this.entry = entry;
    }

    public String archive() {
        return archive;
    }

    public String entry() {
        return entry;
    }
}
