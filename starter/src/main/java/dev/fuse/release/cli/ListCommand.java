package dev.fuse.release.cli;

import dev.fuse.release.client.ReleaseClient;
import dev.fuse.release.index.ReleaseIndex;
import dev.fuse.release.metadata.ReleaseMetadata;
import dev.fuse.release.model.ReleaseVersion;
import dev.fuse.release.storage.StoreLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Lists releases from the bucket's release index and published prefixes, with each one's
 * execution state from Temporal. It works on any server, including the embedded test server,
 * which has no list API.
 */
@Command(name = "list", description = "List releases: published, running, failed.")
public class ListCommand implements Callable<Integer> {
  @ParentCommand FuseReleaseCli parent;

  @Option(names = "--output", defaultValue = "text", description = "text or json.")
  OutputFormat output;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  public record Row(String version, boolean published, String execution, String commit, String requestedBy) {}

  @Override
  public Integer call() {
    CliContext ctx = parent.context();
    ReleaseClient releases = ctx.releases();
    Map<String, ReleaseIndex.Entry> latestRun = new TreeMap<>();
    for (ReleaseIndex.Entry e : new ReleaseIndex(ctx.store()).entries()) {
      latestRun.put(e.version(), e);
    }
    for (String folder : ctx.store().listFolders("releases/")) {
      String v = folder.substring("releases/".length(), folder.length() - 1);
      latestRun.putIfAbsent(v, new ReleaseIndex.Entry(v, "", "", "", "", ""));
    }
    List<Row> rows = new ArrayList<>();
    for (ReleaseIndex.Entry e : latestRun.values()) {
      boolean published = ctx.store().exists(StoreLayout.releasePrefix(e.version()) + ReleaseMetadata.MANIFEST);
      String execution;
      try {
        execution = releases.executionStatus(e.version());
      } catch (RuntimeException ex) {
        execution = "UNKNOWN";
      }
      rows.add(new Row(e.version(), published, execution, e.commit(), e.requestedBy()));
    }
    rows.sort(Comparator.comparing((Row r) -> ReleaseVersion.isValid(r.version()) ? ReleaseVersion.parse(r.version()) : ReleaseVersion.parse("0.0.0")).reversed());
    if (output == OutputFormat.json) {
      ctx.out().println(Json.write(rows));
      return ExitCodes.OK;
    }
    if (rows.isEmpty()) {
      ctx.out().println("no releases yet; start one with ./fuse-release start --version <v> --revision <rev>");
      return ExitCodes.OK;
    }
    ctx.out().println(String.format("%-14s %-10s %-11s %-13s %s", "VERSION", "PUBLISHED", "EXECUTION", "COMMIT", "REQUESTED BY"));
    for (Row r : rows) {
      ctx.out().println(String.format("%-14s %-10s %-11s %-13s %s", r.version(), r.published() ? "yes" : "no",
          r.execution(), r.commit().length() > 12 ? r.commit().substring(0, 12) : r.commit(), r.requestedBy()));
    }
    return ExitCodes.OK;
  }

}
