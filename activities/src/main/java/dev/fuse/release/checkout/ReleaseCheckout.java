package dev.fuse.release.checkout;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.failure.PipelineException;
import dev.fuse.release.git.Git;
import dev.fuse.release.git.RepositoryMirrors;
import dev.fuse.release.recipe.Recipe;
import dev.fuse.release.recipe.RecipeLoader;
import dev.fuse.release.support.Sha256;
import dev.fuse.release.support.Workspace;
import java.io.IOException;
import java.nio.file.Path;

/** A clean checkout of the planned commit, and its recipe, checked against the plan. */
public final class ReleaseCheckout {
    private ReleaseCheckout() {}

    /** The checked-out tree of the planned commit and its (verified) recipe. */
    public record Opened(Path tree, Recipe recipe) {}

    /** Checks out the planned commit into the workspace and loads its recipe, checked against the plan. */
    public static Opened open(ReleasePlan plan, Workspace ws) throws IOException {
        Path tree = checkout(plan, ws);
        return new Opened(tree, recipe(plan, tree));
    }

    public static Path checkout(ReleasePlan plan, Workspace ws) throws IOException {
        Path checkout = ws.root().resolve("src");
        try {
            RepositoryMirrors.in(ws.mirrors()).checkout(plan.repository(), plan.commit(), checkout);
        } catch (Git.GitException e) {
            throw new PipelineException(
                    FailureType.CHECKOUT_FAILED,
                    "cannot check out " + plan.commit() + " of " + plan.repository() + ": " + e.getMessage(),
                    e);
        }
        return checkout;
    }

    /** The recipe must be byte-identical to the one planned, or the plan no longer describes the build. */
    public static Recipe recipe(ReleasePlan plan, Path checkout) throws IOException {
        String sha = Sha256.of(checkout.resolve(Recipe.FILE_NAME));
        if (!sha.equals(plan.recipeSha256())) {
            throw new PipelineException(
                    FailureType.INVALID_RECIPE,
                    Recipe.FILE_NAME + " at " + plan.commit() + " has sha256 " + sha + ", the plan recorded "
                            + plan.recipeSha256());
        }
        return RecipeLoader.load(checkout);
    }
}
