package dev.fuse.release.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.client.SignerWait;
import dev.fuse.release.contract.model.Phase;
import dev.fuse.release.contract.model.ReleaseStatus;
import dev.fuse.release.storage.StoreLayout;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", description = "Show the whole state of a release.")
public class StatusCommand implements Callable<Integer> {
    @ParentCommand
    FuseReleaseCli parent;

    @Mixin
    ReleaseArguments args;

    /** A rolled-back release says so: the marker lives in the bucket, not in the release's workflow. */
    static Optional<String> yankLine(CliContext ctx, String version) {
        String key = StoreLayout.yankMarker(version);
        if (!ctx.store().exists(key)) return Optional.empty();
        try {
            var yank = new ObjectMapper().readTree(ctx.store().getBytes(key));
            return Optional.of("  YANKED by "
                    + Text.safe(yank.path("yankedBy").asText()) + " at "
                    + yank.path("yankedAt").asText() + ": "
                    + Text.safe(yank.path("reason").asText())
                    + " (latest is now " + Text.safe(yank.path("latestNow").asText()) + ")");
        } catch (IOException e) {
            return Optional.of("  YANKED (" + key + " is unreadable)");
        }
    }

    @Override
    public Integer call() {
        CliContext ctx = parent.context();
        ReleaseStatus status = ctx.releases().status(args.version);
        if (args.json()) {
            ctx.out().println(Json.write(status));
        } else {
            StatusView.lines(status).forEach(ctx.out()::println);
            if (status.phase() == Phase.PUBLISHING && SignerWait.publishWaits(ctx.releases(), args.version)) {
                ctx.out()
                        .println("  publishing waits for a signer: no worker holding the release key has taken it;"
                                + " start one (FUSE_RELEASE_SIGNING_KEY, see docs/production.md) and it publishes");
            }
            NotesSummary.of(ctx.releases(), args.version).ifPresent(ctx.out()::println);
            yankLine(ctx, args.version).ifPresent(ctx.out()::println);
        }
        return ExitCodes.OK;
    }
}
