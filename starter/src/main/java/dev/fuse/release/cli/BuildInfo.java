package dev.fuse.release.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version and the commit the jar was built from (build-info.properties). */
public final class BuildInfo implements IVersionProvider {
    private static final Properties INFO = load();

    public static String version() {
        return value("version");
    }

    /** The full commit id, or "unknown" for a build outside a git checkout. */
    public static String commit() {
        return value("commit");
    }

    @Override
    public String[] getVersion() {
        String dirty = "true".equals(value("dirty")) ? ", with uncommitted changes" : "";
        return new String[] {"fuse-release " + version() + " (commit " + commit() + dirty + ")"};
    }

    private static String value(String key) {
        String v = INFO.getProperty(key, "");
        // An unfiltered placeholder: built without the plugin's answer (no git, no checkout).
        return v.isBlank() || v.startsWith("${") ? "unknown" : v;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build-info.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // No build info: every value reads "unknown".
        }
        return p;
    }
}
