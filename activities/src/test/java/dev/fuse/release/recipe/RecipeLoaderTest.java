package dev.fuse.release.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fuse.release.contract.model.ArtifactType;
import dev.fuse.release.contract.model.InvalidRequestException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RecipeLoaderTest {
    static final Path EXAMPLE =
            Path.of("../examples/fuse-hello").toAbsolutePath().normalize();

    @Test
    void theExampleRecipeLoads() {
        Recipe recipe = RecipeLoader.load(EXAMPLE);
        assertThat(recipe.project()).isEqualTo("fuse");
        assertThat(recipe.build()).extracting(Recipe.BuildStep::name).containsExactly("cli", "aot");
        assertThat(recipe.artifacts().get(ArtifactType.AOT).executable()).isEqualTo("hello-http${exe}");
    }

    @Test
    void everyProblemOfABadRecipeIsReportedWithItsPath() {
        String bad = """
        {"recipeVersion": 2, "project": "Fuse!", "extra": 1,
         "toolchain": {"rustToolchainFile": "missing.toml"},
         "build": [{"name": "aot", "run": ["cc", "${nope}"], "timeoutSeconds": 0},
                   {"name": "aot", "run": "make"}],
         "artifacts": {"cli": {"from": "out", "members": ["../etc/passwd"], "executable": "fuse"},
                       "aot": {"members": []},
                       "docs": {}}}
        """;
        assertThatThrownBy(() -> RecipeLoader.parse(bad, EXAMPLE))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.problems())
                                .allSatisfy(p -> assertThat(p).startsWith("fuse-release.json: "))
                                .anySatisfy(p -> assertThat(p).contains("unknown field 'extra'"))
                                .anySatisfy(p -> assertThat(p).contains("recipeVersion: must be 1"))
                                .anySatisfy(p -> assertThat(p).contains("project: 'Fuse!'"))
                                .anySatisfy(p -> assertThat(p)
                                        .contains("toolchain.rustToolchainFile: missing.toml does not exist"))
                                .anySatisfy(p -> assertThat(p).contains("toolchain.node: required"))
                                .anySatisfy(p -> assertThat(p).contains("build[0].run: unknown placeholder ${nope}"))
                                .anySatisfy(p -> assertThat(p).contains("build[0].timeoutSeconds"))
                                .anySatisfy(p -> assertThat(p).contains("build[1].name: 'aot' is used twice"))
                                .anySatisfy(p -> assertThat(p).contains("build[1].run: required non-empty array"))
                                .anySatisfy(p -> assertThat(p).contains("artifacts.cli.members: '../etc/passwd'"))
                                .anySatisfy(p -> assertThat(p)
                                        .contains("artifacts.cli.executable: 'fuse' is not one of the members"))
                                .anySatisfy(p -> assertThat(p).contains("artifacts.aot.from: required"))
                                .anySatisfy(p -> assertThat(p).contains("artifacts.vscode: required"))
                                .anySatisfy(p -> assertThat(p).contains("artifacts.docs: unknown artifact type")));
    }

    @Test
    void invalidJsonNamesTheLine() {
        assertThatThrownBy(() -> RecipeLoader.parse("{\n\"project\": \"fuse\",,\n}", null))
                .hasMessageContaining("is not valid JSON")
                .hasMessageContaining("line 2");
    }

    @Test
    void aMissingRecipeSaysWhatToAdd() {
        assertThatThrownBy(() -> RecipeLoader.load(EXAMPLE.resolve("src")))
                .hasMessageContaining("no fuse-release.json at the root of the revision");
    }

    @Test
    void placeholdersExpandAndUnknownOnesFail() {
        assertThat(Placeholders.expand("hello-http${exe}", java.util.Map.of("exe", ".exe")))
                .isEqualTo("hello-http.exe");
        assertThatThrownBy(() -> Placeholders.expand("${home}", java.util.Map.of()))
                .hasMessageContaining("unknown placeholder ${home}");
    }

    @Test
    void aRecipeThatAsksForTheWorkersCredentialsIsRefusedInPlanning() throws Exception {
        String recipe = Files.readString(EXAMPLE.resolve(Recipe.FILE_NAME))
                .replace(
                        "\"recipeVersion\": 1,",
                        "\"recipeVersion\": 1, \"environment\": [\"CARGO_HOME\", \"AWS_SECRET_ACCESS_KEY\"],");

        assertThatThrownBy(() -> RecipeLoader.parse(recipe, EXAMPLE))
                .hasMessageContaining("environment: AWS_SECRET_ACCESS_KEY belongs to the worker");
    }

    @Test
    void aDeclaredVariableIsKept() throws Exception {
        String recipe = Files.readString(EXAMPLE.resolve(Recipe.FILE_NAME))
                .replace("\"recipeVersion\": 1,", "\"recipeVersion\": 1, \"environment\": [\"CARGO_HOME\"],");

        assertThat(RecipeLoader.parse(recipe, EXAMPLE).environment()).containsExactly("CARGO_HOME");
    }
}
