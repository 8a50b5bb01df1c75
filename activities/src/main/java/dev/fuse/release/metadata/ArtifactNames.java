package dev.fuse.release.metadata;

import dev.fuse.release.model.Artifact;
import dev.fuse.release.model.ArtifactType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The fixed artifact naming of the contract; metadata is never written for other names. */
public final class ArtifactNames {
    private static final String VERSION = "(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?";
    private static final Pattern CLI = Pattern.compile(
            "fuse-cli-" + VERSION + "-(linux-x64|macos-arm64)\\.tar\\.gz|fuse-cli-" + VERSION + "-windows-x64\\.zip");
    private static final Pattern AOT = Pattern.compile(
            "fuse-aot-" + VERSION + "-(linux-x64|macos-arm64)\\.tar\\.gz|fuse-aot-" + VERSION + "-windows-x64\\.zip");
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
}
