package dev.fuse.release.notes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ContractDiffTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyChangedAddedOrRemovedLeafIsListedByItsPath() throws Exception {
        var before = JSON.readTree("{\"slo\":{\"a\":1,\"b\":2},\"targets\":[\"linux-x64\",\"macos-arm64\"]}");
        var after = JSON.readTree("{\"slo\":{\"a\":1,\"b\":3,\"c\":true},\"targets\":[\"linux-x64\"]}");

        assertThat(ContractDiff.between(before, after))
                .containsExactly(
                        new ContractDiff.Change("slo.b", "2", "3"),
                        new ContractDiff.Change("slo.c", null, "true"),
                        new ContractDiff.Change("targets[1]", "macos-arm64", null));
        assertThat(ContractDiff.between(before, before)).isEmpty();
    }
}
