package dev.fuse.release.plan;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.Toolchain;
import dev.fuse.release.failure.PipelineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The project's rust-toolchain.toml, as far as the plan records it. */
final class ToolchainFile {
    private ToolchainFile() {}

    private static final Pattern TOML_STRING = Pattern.compile("(?m)^\\s*(channel|profile)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern TOML_COMPONENTS = Pattern.compile("(?m)^\\s*components\\s*=\\s*\\[([^\\]]*)]");

    /** Reads the two keys of rust-toolchain.toml the contract records; a tiny reader, not a TOML parser. */
    static Toolchain read(Path rustToolchainToml, String node) throws IOException {
        String text = Files.readString(rustToolchainToml);
        String channel = null;
        String profile = null;
        Matcher m = TOML_STRING.matcher(text);
        while (m.find()) {
            if (m.group(1).equals("channel")) channel = m.group(2);
            else profile = m.group(2);
        }
        if (channel == null) {
            throw new PipelineException(
                    FailureType.INVALID_RECIPE,
                    rustToolchainToml.getFileName() + " has no toolchain channel (channel = \"stable\")");
        }
        Matcher c = TOML_COMPONENTS.matcher(text);
        String components = c.find() ? c.group(1).replaceAll("[\"\\s]", "") : "";
        return new Toolchain(channel, profile, components, node);
    }
}
