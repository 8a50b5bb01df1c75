package dev.fuse.release.cli;

import dev.fuse.release.client.ReleaseClient;
import dev.fuse.release.model.ApprovalDecision;
import dev.fuse.release.model.ReleaseStatus;
import picocli.CommandLine.Command;

@Command(name = "approve", description = "Approve a release waiting for approval; it is then published.")
public class ApproveCommand extends DecisionCommand {
    @Override
    ReleaseStatus decide(ReleaseClient releases, String version, ApprovalDecision decision) {
        return releases.approve(version, decision);
    }

    @Override
    String confirmation(ReleaseStatus status) {
        return "approved release " + status.version() + " (manifest sha256 "
                + status.metadata().manifest().sha256() + "); publishing. Follow: ./fuse-release watch "
                + status.version();
    }

    @Override
    String verb() {
        return "approve";
    }
}
