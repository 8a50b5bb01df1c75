package dev.fuse.release.packaging;

import dev.fuse.release.contract.model.ArchiveFormat;
import dev.fuse.release.contract.model.ArtifactType;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.recipe.Placeholders;
import dev.fuse.release.recipe.Recipe;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a recipe's artifact spec into a verified archive with the contract's fixed name. Every
 * archive is read back and checked before its reference leaves the activity that wrote it.
 */
public final class ArtifactPackager {
    /**
     * A packaged, verified archive waiting to be staged.
     *
     * @param archiveSha256 the archive's digest when it was taken while writing (tar.gz), else null
     */
    public record Packaged(
            String name,
            ArtifactType type,
            ArchiveFormat format,
            Path file,
            String executable,
            String executableSha256,
            List<String> members,
            String archiveSha256) {}

    /**
     * An archive written but not yet read back. Staging may start before {@link #verify()} runs
     * (both only read the file); the reference is handed on only once both succeeded.
     */
    public record Written(
            String name,
            ArtifactType type,
            ArchiveFormat format,
            Path file,
            String root,
            String executable,
            List<String> members,
            String archiveSha256) {
        public Packaged verify() throws IOException, BadArchiveException {
            ArchiveVerifier.Verified verified = ArchiveVerifier.verify(file, format, root, members, executable);
            return new Packaged(
                    name, type, format, file, executable, verified.executableSha256(), members, archiveSha256);
        }
    }

    private ArtifactPackager() {}

    public static Map<String, String> placeholders(Target target, String version, Path out) {
        return Map.of(
                "target", target.id(),
                "version", version,
                "out", out.toAbsolutePath().toString(),
                "exe", target.executableSuffix());
    }

    public static Written writeTarget(
            ArtifactType type,
            Recipe.ArtifactSpec spec,
            Path checkout,
            Map<String, String> values,
            Target target,
            String version,
            long epoch,
            Path dist,
            ConfinedFiles confined)
            throws IOException, BadArchiveException {
        String name = type.artifactName(version, target);
        String root = name.substring(
                0, name.length() - target.archiveFormat().extension().length() - 1);
        Path from = checkout.resolve(Placeholders.expand(spec.from(), values));
        String executable = Placeholders.expand(spec.executable(), values);
        List<String> memberNames = new ArrayList<>();
        List<ArchiveMember> members = new ArrayList<>();
        for (String raw : spec.members()) {
            String member = Placeholders.expand(raw, values);
            Path source;
            try {
                source = confined.resolve(name, from, member);
            } catch (NoSuchFileException e) {
                throw new IOException(type.id() + " artifact: member '" + member + "' was not produced in " + from
                        + " (check the build steps and artifacts." + type.id() + ".members of the recipe)");
            }
            memberNames.add(member);
            members.add(new ArchiveMember(member, source, member.equals(executable)));
        }
        Path file = dist.resolve(name);
        String archiveSha256 = null;
        if (target.archiveFormat() == ArchiveFormat.ZIP) {
            DeterministicArchiver.writeZip(file, root, members, epoch);
        } else {
            archiveSha256 = DeterministicArchiver.writeTarGz(file, root, members, epoch);
        }
        return new Written(name, type, target.archiveFormat(), file, root, executable, memberNames, archiveSha256);
    }

    public static Packaged packageExtension(
            Recipe.ArtifactSpec spec, Path checkout, String version, long epoch, Path dist)
            throws IOException, BadArchiveException {
        String name = ArtifactType.VSCODE.artifactName(version, null);
        Path file = dist.resolve(name);
        VsixPackager.write(
                checkout.resolve(spec.from()), spec.members(), version, epoch, file, new ConfinedFiles(checkout));
        List<String> expected = new ArrayList<>(VsixPackager.requiredEntries());
        spec.members().forEach(m -> expected.add("extension/" + m));
        List<String> unique = expected.stream().distinct().toList();
        ArchiveVerifier.verify(file, ArchiveFormat.ZIP, "", unique, null);
        return new Packaged(name, ArtifactType.VSCODE, ArchiveFormat.VSIX, file, null, null, unique, null);
    }

    /** The top folder of an archive, from its contract name. */
    public static String rootOf(String name, ArchiveFormat format) {
        return format == ArchiveFormat.VSIX
                ? ""
                : name.substring(0, name.length() - format.extension().length() - 1);
    }
}
