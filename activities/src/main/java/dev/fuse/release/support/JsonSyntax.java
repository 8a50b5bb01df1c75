package dev.fuse.release.support;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * A JSON syntax error said the way a person editing the file needs it: what is wrong and where
 * (line, column), without the parser's internals (source descriptions, feature names, char codes).
 */
public final class JsonSyntax {
    private JsonSyntax() {}

    public static String describe(String file, JsonProcessingException e) {
        String what = String.valueOf(e.getOriginalMessage())
                .replaceAll("\\s*\\(for [^)]*?starting at \\[Source:.*$", "")
                .replaceAll("\\[Source:.*$", "")
                .replaceAll("\\(\\(CTRL-CHAR, code (\\d+)\\)\\)", "(control character $1)")
                .replaceAll(" \\(code \\d+\\)", "")
                .replaceAll("\\s+", " ")
                .trim();
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return file + " is not valid JSON" + where + ": " + what;
    }
}
