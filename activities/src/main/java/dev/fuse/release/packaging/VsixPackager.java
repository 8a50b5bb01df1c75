package dev.fuse.release.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fuse.release.support.CanonicalJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Packages a VS Code extension folder as a VSIX (the zip layout {@code vsce} produces:
 * {@code extension.vsixmanifest}, {@code [Content_Types].xml}, {@code extension/...}),
 * deterministically. The extension's package.json version is set to the release version.
 */
public final class VsixPackager {
    private static final ObjectMapper JSON = new ObjectMapper();

    private VsixPackager() {}

    /**
     * @param confined where member files may come from (the checkout): a member that is a link
     *     leading elsewhere, or not a regular file, is refused
     */
    public static void write(
            Path sourceDir, List<String> members, String version, long epoch, Path out, ConfinedFiles confined)
            throws IOException, BadArchiveException {
        String archive = out.getFileName().toString();
        Path scratch = Files.createTempDirectory("vsix");
        try {
            ObjectNode pkg = (ObjectNode) JSON.readTree(
                    source(confined, archive, sourceDir, "package.json").toFile());
            for (String field : List.of("name", "publisher")) {
                if (!pkg.path(field).isTextual()) {
                    throw new IOException("package.json of the extension has no '" + field + "'");
                }
            }
            pkg.put("version", version);
            Path packageJson = scratch.resolve("package.json");
            Files.writeString(packageJson, pretty(pkg), StandardCharsets.UTF_8);

            List<ArchiveMember> entries = new ArrayList<>();
            TreeSet<String> extensions = new TreeSet<>();
            for (String member : members) {
                Path source =
                        member.equals("package.json") ? packageJson : source(confined, archive, sourceDir, member);
                entries.add(new ArchiveMember("extension/" + member, source, false));
                extensions.add(extensionOf(member));
            }
            extensions.add(".vsixmanifest");
            Path manifest = scratch.resolve("extension.vsixmanifest");
            Files.writeString(manifest, vsixManifest(pkg), StandardCharsets.UTF_8);
            Path contentTypes = scratch.resolve("[Content_Types].xml");
            Files.writeString(contentTypes, contentTypes(extensions), StandardCharsets.UTF_8);
            entries.add(new ArchiveMember("extension.vsixmanifest", manifest, false));
            entries.add(new ArchiveMember("[Content_Types].xml", contentTypes, false));
            DeterministicArchiver.writeZip(out, "", entries, epoch);
        } finally {
            try (var files = Files.walk(scratch)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Path source(ConfinedFiles confined, String archive, Path dir, String member)
            throws IOException, BadArchiveException {
        try {
            return confined.resolve(archive, dir, member);
        } catch (NoSuchFileException e) {
            throw new IOException("extension member " + member + " does not exist in " + dir);
        }
    }

    /** The members every VSIX must hold, for verification. */
    public static List<String> requiredEntries() {
        return List.of("[Content_Types].xml", "extension.vsixmanifest", "extension/package.json");
    }

    static String pretty(JsonNode node) {
        return CanonicalJson.write(node);
    }

    private static String extensionOf(String member) {
        String file = member.substring(member.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return dot < 0
                ? "." + file.toLowerCase(Locale.ROOT)
                : file.substring(dot).toLowerCase(Locale.ROOT);
    }

    static String vsixManifest(JsonNode pkg) {
        String name = pkg.path("name").asText();
        String displayName = pkg.path("displayName").asText(name);
        return """
        <?xml version="1.0" encoding="utf-8"?>
        <PackageManifest Version="2.0.0" xmlns="http://schemas.microsoft.com/developer/vsx-schema/2011" xmlns:d="http://schemas.microsoft.com/developer/vsx-schema-design/2011">
          <Metadata>
            <Identity Language="en-US" Id="%s" Version="%s" Publisher="%s" />
            <DisplayName>%s</DisplayName>
            <Description xml:space="preserve">%s</Description>
            <Properties>
              <Property Id="Microsoft.VisualStudio.Code.Engine" Value="%s" />
            </Properties>
          </Metadata>
          <Installation>
            <InstallationTarget Id="Microsoft.VisualStudio.Code" />
          </Installation>
          <Dependencies />
          <Assets>
            <Asset Type="Microsoft.VisualStudio.Code.Manifest" Path="extension/package.json" Addressable="true" />
          </Assets>
        </PackageManifest>
        """.formatted(
                        xml(name),
                        xml(pkg.path("version").asText()),
                        xml(pkg.path("publisher").asText()),
                        xml(displayName),
                        xml(pkg.path("description").asText("")),
                        xml(pkg.path("engines").path("vscode").asText("*")));
    }

    static String contentTypes(TreeSet<String> extensions) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        xml.append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">");
        for (String ext : extensions) {
            xml.append("<Default Extension=\"")
                    .append(xml(ext))
                    .append("\" ContentType=\"")
                    .append(contentType(ext))
                    .append("\"/>");
        }
        return xml.append("</Types>\n").toString();
    }

    private static String contentType(String ext) {
        return switch (ext) {
            case ".json" -> "application/json";
            case ".js" -> "application/javascript";
            case ".md" -> "text/markdown";
            case ".vsixmanifest", ".xml" -> "text/xml";
            case ".png" -> "image/png";
            default -> "text/plain";
        };
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
