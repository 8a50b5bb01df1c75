package dev.fuse.release.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.contract.model.Phase;
import dev.fuse.release.contract.model.ReleaseStatus;
import dev.fuse.release.contract.model.Stage;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.contract.model.TargetStatus;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What scripts read: targets by the ids the docs and every command use, one object per line when streamed. */
class JsonTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static ReleaseStatus status() {
        return new ReleaseStatus(
                "0.4.0",
                Phase.BUILDING,
                null,
                List.of(new TargetStatus(Target.MACOS_ARM64, Stage.BUILDING, true, null, null)),
                List.of(),
                null,
                null,
                new ReleaseStatus.Outcome(null, null),
                List.of());
    }

    @Test
    void targetsAreWrittenAsTheIdsUsersType() throws Exception {
        JsonNode written = JSON.readTree(Json.write(status()));

        assertThat(written.path("targets").get(0).path("target").asText()).isEqualTo("macos-arm64");
        assertThat(Json.write(status())).doesNotContain("MACOS_ARM64");
        Map<Target, String> byTarget = new TreeMap<>(Map.of(Target.LINUX_X64, "x"));
        assertThat(Json.write(byTarget)).contains("\"linux-x64\"");
    }

    @Test
    void theStoredWireNameIsStillRead() throws Exception {
        assertThat(JSON.readValue("\"LINUX_X64\"", Target.class)).isEqualTo(Target.LINUX_X64);
        assertThat(JSON.readValue("\"linux-x64\"", Target.class)).isEqualTo(Target.LINUX_X64);
    }

    @Test
    void aStreamedStatusIsOneObjectOnOneLine() throws Exception {
        String line = Json.line(status());

        assertThat(line).doesNotContain("\n");
        assertThat(JSON.readTree(line).path("phase").asText()).isEqualTo("BUILDING");
    }
}
