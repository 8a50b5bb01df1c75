package dev.fuse.release.cli;

import dev.fuse.release.contract.model.ReleaseVersion;
import picocli.CommandLine;

/**
 * Checks a release version argument while the command line is parsed, so that a malformed one
 * (a path, shell metacharacters, 300 characters) is bad input before anything connects anywhere.
 */
final class VersionArgument implements CommandLine.ITypeConverter<String> {
    @Override
    public String convert(String value) {
        if (!ReleaseVersion.isValid(value)) {
            String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
            throw new CommandLine.TypeConversionException(
                    "malformed version '" + Text.safe(shown) + "': use MAJOR.MINOR.PATCH, e.g. 0.4.0 or 0.4.1-rc.1");
        }
        return value;
    }
}
