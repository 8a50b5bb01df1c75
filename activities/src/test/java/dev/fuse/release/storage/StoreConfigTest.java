package dev.fuse.release.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreConfigTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void uploadTuningHasDefaultsAndReadsItsVariables() {
        assertThat(StoreConfig.fromEnvironment(Map.of()).uploads()).isEqualTo(UploadTuning.DEFAULTS);

        UploadTuning tuned = StoreConfig.fromEnvironment(Map.of(
                        "FUSE_RELEASE_S3_MULTIPART_THRESHOLD_MIB", "100",
                        "FUSE_RELEASE_S3_PART_SIZE_MIB", "8",
                        "FUSE_RELEASE_S3_PARALLEL_PARTS", "2",
                        "FUSE_RELEASE_PARALLEL_UPLOADS", "1"))
                .uploads();
        assertThat(tuned).isEqualTo(new UploadTuning(100 * MIB, 8 * MIB, 2, 1));
    }

    @Test
    void badUploadSettingsAreNamedWithTheirRange() {
        assertThatThrownBy(() -> StoreConfig.fromEnvironment(
                        Map.of("FUSE_RELEASE_S3_PART_SIZE_MIB", "3", "FUSE_RELEASE_PARALLEL_UPLOADS", "many")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("FUSE_RELEASE_S3_PART_SIZE_MIB '3' must be a whole number from 5 to 5120;"
                        + " FUSE_RELEASE_PARALLEL_UPLOADS 'many' must be a whole number from 1 to 64");
    }

    @Test
    void thePartSizeGrowsWhenAFileWouldNeedMoreThanTenThousandParts() {
        UploadTuning tuning = UploadTuning.DEFAULTS;
        assertThat(tuning.partSizeFor(300 * MIB)).isEqualTo(16 * MIB);
        assertThat(tuning.partSizeFor(1024L * 1024 * MIB)).isEqualTo(105 * MIB); // 1 TiB / 10,000, rounded up
        assertThat(tuning.partSizeFor(1024L * 1024 * MIB) * 10_000).isGreaterThanOrEqualTo(1024L * 1024 * MIB);
    }
}
