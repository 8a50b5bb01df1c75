package dev.fuse.release.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.fuse.release.contract.model.Target;
import java.io.IOException;

/**
 * JSON output of {@code --output json}: the same records the workflow returns, with one change:
 * targets are written as the ids users type and the docs use ({@code linux-x64}), not the
 * upper-case wire name Temporal's history keeps ({@code LINUX_X64}) for old runs to replay.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new SimpleModule("target-ids")
                    .addSerializer(Target.class, new TargetId())
                    .addKeySerializer(Target.class, new TargetIdKey()));

    private static final class TargetId extends StdSerializer<Target> {
        private static final long serialVersionUID = 1L;

        TargetId() {
            super(Target.class);
        }

        @Override
        public void serialize(Target target, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(target.id());
        }
    }

    private static final class TargetIdKey extends StdSerializer<Target> {
        private static final long serialVersionUID = 1L;

        TargetIdKey() {
            super(Target.class);
        }

        @Override
        public void serialize(Target target, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeFieldName(target.id());
        }
    }

    private Json() {}

    /** One object on one line, for streams of JSON objects (JSON Lines). */
    static String line(Object value) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }
}
