package dev.fuse.release.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.contract.model.Fixtures;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.contract.model.TargetBuildRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArtifactOrderTest {

    @Test
    void orderIsTypeThenNameWhateverTheDiscoveryOrder() {
        List<Artifact> all = new ArrayList<>();
        for (Target t : Target.values()) {
            all.addAll(Fixtures.built(new TargetBuildRequest(Fixtures.plan("r", true), t), false)
                    .artifacts());
        }
        all.add(Fixtures.vsix(Fixtures.plan("r", true)));
        List<String> expected = List.of(
                "fuse-cli-0.4.0-linux-x64.tar.gz",
                "fuse-cli-0.4.0-macos-arm64.tar.gz",
                "fuse-cli-0.4.0-windows-x64.zip",
                "fuse-aot-0.4.0-linux-x64.tar.gz",
                "fuse-aot-0.4.0-macos-arm64.tar.gz",
                "fuse-aot-0.4.0-windows-x64.zip",
                "fuse-vscode-0.4.0.vsix");
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(all, random);
            assertThat(ArtifactOrder.sorted(all)).extracting(Artifact::name).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void namesCompareByBytesNotByLocale() {
        assertThat(ArtifactOrder.BYTE_ORDER.compare("B", "a")).isNegative();
        assertThat(ArtifactOrder.BYTE_ORDER.compare("z", "é")).isNegative();
    }
}
