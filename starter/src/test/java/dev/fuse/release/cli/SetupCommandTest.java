package dev.fuse.release.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.IndexedValueType;
import org.junit.jupiter.api.Test;

/** setup names attribute types as the temporal CLI's --type does. */
class SetupCommandTest {
    @Test
    void typesReadAsTheTemporalCliWritesThem() {
        assertThat(SetupCommand.typeName(IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD))
                .isEqualTo("Keyword");
        assertThat(SetupCommand.typeName(IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST))
                .isEqualTo("KeywordList");
        assertThat(SetupCommand.typeName(IndexedValueType.INDEXED_VALUE_TYPE_BOOL))
                .isEqualTo("Bool");
    }
}
