package dev.fuse.release.cli;

import dev.fuse.release.client.ReleaseClient;
import dev.fuse.release.contract.model.ApprovalDecision;
import dev.fuse.release.contract.model.DecisionKind;
import dev.fuse.release.contract.model.ReleaseStatus;
import picocli.CommandLine.Command;

@Command(name = "approve", description = "Approve a release waiting for approval; it is then published.")
public class ApproveCommand extends DecisionCommand {
    @Override
    ReleaseStatus decide(ReleaseClient releases, String version, ApprovalDecision decision) {
        return releases.approve(version, decision);
    }

    @Override
    String confirmation(ReleaseStatus status) {
        ReleaseStatus.Approval approval = status.approval();
        if (approval.kind() == null) {
            String more = approval.stillNeeded() > 0
                    ? approval.stillNeeded() + " more needed before it is published"
                            + (approval.needsMaintainer() ? ", one of them a maintainer's" : "")
                    : "a maintainer's approval is still needed";
            return "approval recorded for release " + status.version() + " ("
                    + (approval.required() - approval.stillNeeded())
                    + " of " + approval.required() + "); " + more
                    + (approval.needsMaintainer() ? " (the release contract changed)" : "");
        }
        return "approved release " + status.version() + " (manifest sha256 "
                + status.metadata().manifest().sha256() + "); publishing. Follow: ./fuse-release watch "
                + status.version();
    }

    @Override
    DecisionKind kind() {
        return DecisionKind.APPROVED;
    }
}
