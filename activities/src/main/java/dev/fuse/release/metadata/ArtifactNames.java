package dev.fuse.release.metadata;

import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.contract.model.ArtifactType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The fixed artifact naming of the contract; metadata is never written for other names. */
public final class ArtifactNames {
    private static final String VERSION = "(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?";
    /** Synthetic targets (scale drills) are named like linux-x64, whose build they emulate. */
    private static final String TAR_TARGETS = "(linux-x64|macos-arm64|synthetic-[0-9]{2,3})";

    private static final Pattern CLI = Pattern.compile(
            "fuse-cli-" + VERSION + "-" + TAR_TARGETS + "\\.tar\\.gz|fuse-cli-" + VERSION + "-windows-x64\\.zip");
    private static final Pattern AOT = Pattern.compile(
            "fuse-aot-" + VERSION + "-" + TAR_TARGETS + "\\.tar\\.gz|fuse-aot-" + VERSION + "-windows-x64\\.zip");
    /** An error names this many bad names and counts the rest, so that it stays one readable line. */
    private static final int NAMED = 3;

    private static final Pattern VSCODE = Pattern.compile("fuse-vscode-" + VERSION + "\\.vsix");

    private ArtifactNames() {}

    /** Every artifact whose name breaks its type's pattern or does not carry the release version. */
    public static List<String> violations(String version, List<Artifact> artifacts) {
        List<String> problems = new ArrayList<>();
        for (Artifact a : artifacts) {
            Pattern p = a.type() == ArtifactType.CLI ? CLI : a.type() == ArtifactType.AOT ? AOT : VSCODE;
            if (!p.matcher(a.name()).matches()
                    || !a.name().contains("-" + version + (a.type() == ArtifactType.VSCODE ? ".vsix" : "-"))) {
                problems.add(a.type().id() + " artifact '" + a.name() + "' does not match the contract name "
                        + a.type().namePrefix() + "-" + version
                        + (a.type() == ArtifactType.VSCODE ? ".vsix" : "-<target>.{tar.gz|zip}"));
            }
        }
        return problems;
    }

    /** The violations as one line: the first few in full, then how many more. */
    public static String summary(List<String> violations) {
        String named = String.join("; ", violations.subList(0, Math.min(NAMED, violations.size())));
        int more = violations.size() - NAMED;
        return more > 0 ? named + "; and " + more + " more like these" : named;
    }
}
