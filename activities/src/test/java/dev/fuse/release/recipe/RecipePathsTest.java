package dev.fuse.release.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fuse.release.contract.model.ArtifactType;
import dev.fuse.release.contract.model.InvalidRequestException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Recipe paths that could lead packaging outside the build are refused in planning. */
class RecipePathsTest {
    static final Path EXAMPLE =
            Path.of("../examples/fuse-hello").toAbsolutePath().normalize();

    @Test
    void buildOutputAndCheckoutFoldersAreAccepted() {
        assertThat(RecipePaths.fromProblem(ArtifactType.AOT, "${out}/aot")).isNull();
        assertThat(RecipePaths.fromProblem(ArtifactType.CLI, "${out}")).isNull();
        assertThat(RecipePaths.fromProblem(ArtifactType.CLI, "dist/${target}")).isNull();
        assertThat(RecipePaths.fromProblem(ArtifactType.VSCODE, "editors/vscode"))
                .isNull();
        assertThat(RecipePaths.memberProblem("fuse${exe}")).isNull();
    }

    @Test
    void absoluteEscapingAndOddPathsAreRefusedWithTheirReason() {
        assertThat(RecipePaths.fromProblem(ArtifactType.AOT, "/etc")).contains("must be a relative path");
        assertThat(RecipePaths.fromProblem(ArtifactType.AOT, "${out}/../../etc"))
                .contains("must not contain '..'");
        assertThat(RecipePaths.fromProblem(ArtifactType.AOT, "out/..")).contains("must not contain '..'");
        assertThat(RecipePaths.fromProblem(ArtifactType.AOT, "C:/Windows")).contains("must be a relative path");
        assertThat(RecipePaths.fromProblem(ArtifactType.AOT, "out\\aot")).contains("no backslashes");
        assertThat(RecipePaths.fromProblem(ArtifactType.AOT, "x/${out}")).contains("not ${out}");
        assertThat(RecipePaths.fromProblem(ArtifactType.VSCODE, "${out}/vsix")).contains("folder of the checkout");
        assertThat(RecipePaths.memberProblem("${out}/passwd")).contains("not ${out}");
        assertThat(RecipePaths.memberProblem("../LICENSE")).contains("'..'");
    }

    @Test
    void anAbsoluteFromFailsPlanningNamingTheField() throws Exception {
        String recipe = Files.readString(EXAMPLE.resolve(Recipe.FILE_NAME))
                .replace("\"from\": \"${out}/aot\"", "\"from\": \"/etc\"");

        assertThatThrownBy(() -> RecipeLoader.parse(recipe, EXAMPLE))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("artifacts.aot.from: '/etc' must be a relative path");
    }

    @Test
    void aMalformedRecipeIsDescribedWithoutParserInternals() {
        assertThatThrownBy(() -> RecipeLoader.parse("{\"recipeVersion\": 1,\n \"build\": [}\n", null))
                .hasMessage(
                        "fuse-release.json is not valid JSON at line 2, column 12: Unexpected close marker '}': expected ']'")
                .hasMessageNotContaining("Source")
                .hasMessageNotContaining("StreamReadFeature");
    }
}
