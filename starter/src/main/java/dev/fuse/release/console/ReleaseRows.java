package dev.fuse.release.console;

import dev.fuse.release.client.ReleaseCatalog;
import dev.fuse.release.client.ReleaseClient;
import dev.fuse.release.contract.model.Phase;
import dev.fuse.release.contract.model.ReleaseStatus;
import dev.fuse.release.contract.model.Stage;
import dev.fuse.release.contract.model.TargetStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The console's release list: the catalog's rows, and for a release that is still running, each
 * target's stage and whether it needs someone (awaiting approval, a target failed and waiting).
 */
final class ReleaseRows {
    /** One row as the list shows it and {@code /api/releases} returns it. */
    record Row(
            String version,
            String phase,
            String publication,
            String commit,
            String requestedBy,
            List<String> targets,
            String attention) {}

    private final ReleaseClient releases;

    ReleaseRows(ReleaseClient releases) {
        this.releases = releases;
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (ReleaseCatalog.Row r : new ReleaseCatalog(releases).list().rows()) {
            List<String> targets = new ArrayList<>();
            String attention = null;
            if ("RUNNING".equals(r.execution())) {
                ReleaseStatus status = releases.status(r.version());
                for (TargetStatus t : status.targets()) {
                    targets.add(t.target().id() + ": " + t.stage() + (t.emulated() ? " (emulated)" : ""));
                    if (t.stage() == Stage.FAILED)
                        attention = "target failed: " + t.target().id() + " waits for an operator";
                }
                if (status.phase() == Phase.AWAITING_APPROVAL) attention = "awaiting approval";
            }
            String commit = r.commit().length() > 12 ? r.commit().substring(0, 12) : r.commit();
            rows.add(new Row(r.version(), r.phase(), r.publication(), commit, r.requestedBy(), targets, attention));
        }
        return rows;
    }
}
