package dev.fuse.release.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.audit.AuditReport;
import dev.fuse.release.audit.ReleaseFiles;
import dev.fuse.release.client.ReleaseHistory;
import dev.fuse.release.metadata.ReleaseMetadata;
import dev.fuse.release.storage.StoreLayout;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/** The approvals in the release's Temporal history named the published manifest. */
record ApprovalHistoryCheck(CliContext ctx, String version, ReleaseFiles files) {
    void addTo(AuditReport report) throws IOException {
        var marker = files.bytes(StoreLayout.PUBLISHED);
        var manifest = files.sha256(ReleaseMetadata.MANIFEST);
        if (marker.isEmpty() || manifest.isEmpty()) return;
        JsonNode published = new ObjectMapper().readTree(marker.get());
        List<String> approved;
        try {
            approved = new ReleaseHistory(ctx.releases().temporal())
                    .approvedManifests(version, published.path("runId").asText());
        } catch (RuntimeException e) {
            report.skipped("approvals in Temporal history not checked: " + firstLine(e.getMessage()));
            return;
        }
        if (approved.removeIf(Objects::isNull)) {
            report.skipped("an approval in the history names no manifest (made before digests were required)");
            if (approved.isEmpty()) return;
        }
        if (approved.isEmpty()) {
            report.problem(new AuditReport.Problem(
                    "Temporal history of fuse-release-" + version,
                    "approvals",
                    "an approval of manifest " + manifest.get(),
                    "none"));
        }
        for (String digest : approved) {
            if (!manifest.get().equals(digest)) {
                report.problem(new AuditReport.Problem(
                        "Temporal history of fuse-release-" + version, "approved manifest", manifest.get(), digest));
            }
        }
        if (!approved.isEmpty() && approved.stream().allMatch(manifest.get()::equals)) {
            report.held(approved.size() + " approval(s) in the release's Temporal history name this manifest");
        }
    }

    static String firstLine(String s) {
        return s == null ? "unreachable" : s.lines().findFirst().orElse(s);
    }
}
