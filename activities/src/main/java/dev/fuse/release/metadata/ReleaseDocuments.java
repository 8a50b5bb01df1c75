package dev.fuse.release.metadata;

import dev.fuse.release.notes.NotesDocument;
import dev.fuse.release.releasecontract.ReleaseContract;
import java.util.List;

/**
 * The files planning stages beside the artifacts and a release publishes at its top level, listed
 * in {@code SHA256SUMS} like the archives: the release contract and the release notes. Each is
 * as deterministic as the archives (it depends on the revision, the base release and the
 * contracts only).
 */
public final class ReleaseDocuments {
    public static final List<String> NAMES =
            List.of(ReleaseContract.FILE_NAME, NotesDocument.MARKDOWN_FILE, NotesDocument.JSON_FILE);

    private ReleaseDocuments() {}
}
