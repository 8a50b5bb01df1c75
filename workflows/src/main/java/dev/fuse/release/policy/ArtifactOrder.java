package dev.fuse.release.policy;

import dev.fuse.release.contract.model.Artifact;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The one artifact order of the contract: by type (cli, aot, vscode), then by name in byte
 * order. Byte order, not locale collation, so every machine sorts the same way.
 */
public final class ArtifactOrder {
    public static final Comparator<String> BYTE_ORDER =
            (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    public static final Comparator<Artifact> CONTRACT_ORDER =
            Comparator.comparing((Artifact a) -> a.type().ordinal()).thenComparing(Artifact::name, BYTE_ORDER);

    private ArtifactOrder() {}

    public static List<Artifact> sorted(List<Artifact> artifacts) {
        return artifacts.stream().sorted(CONTRACT_ORDER).toList();
    }
}
