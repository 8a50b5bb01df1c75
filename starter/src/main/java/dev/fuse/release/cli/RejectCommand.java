package dev.fuse.release.cli;

import dev.fuse.release.client.ReleaseClient;
import dev.fuse.release.contract.model.ApprovalDecision;
import dev.fuse.release.contract.model.DecisionKind;
import dev.fuse.release.contract.model.ReleaseStatus;
import picocli.CommandLine.Command;

@Command(name = "reject", description = "Reject a release waiting for approval; nothing is published.")
public class RejectCommand extends DecisionCommand {
    @Override
    ReleaseStatus decide(ReleaseClient releases, String version, ApprovalDecision decision) {
        return releases.reject(version, decision);
    }

    @Override
    String confirmation(ReleaseStatus status) {
        return "rejected release " + status.version() + ": nothing will be published";
    }

    @Override
    DecisionKind kind() {
        return DecisionKind.REJECTED;
    }
}
