package dev.fuse.release.cli;

import dev.fuse.release.client.ReleaseDownload;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Downloads a published release with plain GETs and checks it as {@code sha256sum -c} would. */
@Command(name = "download", description = "Download a published release and check it against its SHA256SUMS.")
public class DownloadCommand implements Callable<Integer> {
    @ParentCommand
    FuseReleaseCli parent;

    @Mixin
    ReleaseArguments args;

    @Option(names = "--dir", description = "Where to put the files (default: fuse-<version> in the current directory).")
    Path dir;

    @Option(names = "--allow-yanked", description = "Download a yanked (rolled back) release anyway.")
    boolean allowYanked;

    static String defaultDir(String version) {
        return "fuse-" + version;
    }

    @Override
    public Integer call() {
        CliContext ctx = parent.context();
        Path target = dir != null ? dir : Path.of(defaultDir(args.version));
        ReleaseDownload.Downloaded d;
        try {
            d = ReleaseDownload.download(ctx.store(), args.version, target, allowYanked);
        } catch (ReleaseDownload.YankedException e) {
            throw new CliException(ExitCodes.RELEASE_NOT_PUBLISHED, e.getMessage());
        } catch (IOException e) {
            throw new CliException(
                    ExitCodes.RELEASE_NOT_PUBLISHED, "cannot download release " + args.version + ": " + e.getMessage());
        }
        if (args.json()) {
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("version", args.version);
            reply.put("dir", d.dir().toString());
            reply.put("files", d.files());
            reply.put("checks", d.checks());
            ctx.out().println(Json.write(reply));
            return ExitCodes.OK;
        }
        ctx.out()
                .println("downloaded release " + args.version + " to " + d.dir()
                        + "; every file matches its SHA256SUMS line:");
        d.checks().forEach(c -> ctx.out().println("  " + c));
        ctx.out().println("check it yourself: cd " + d.dir() + " && " + ReleaseDownload.STOCK_CHECK);
        return ExitCodes.OK;
    }
}
