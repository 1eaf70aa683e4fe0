package dev.citeqa.ingest;

import java.util.List;

/**
 * The text extracted from one file, before cleaning.
 *
 * @param file        path relative to the documents folder, with forward slashes
 * @param contentHash SHA-256 of the file's bytes
 * @param titles      titles the format itself declares (HTML og:title or headline, Markdown front matter, PDF
 *                    metadata), best first; empty when it declares none
 * @param structure   the blocks a converted format's structure gives, in order; empty for plain text, whose blocks
 *                    are found from blank lines and line shapes
 * @param places      where each offset of {@code text} comes from in the original file
 */
public record SourceText(String file, String contentHash, String text, List<String> titles, List<Block> structure,
                         PlaceMap places) {

    public SourceText {
        titles = List.copyOf(titles);
        structure = List.copyOf(structure);
    }

    /** A plain text, with at most one declared title. */
    public SourceText(String file, String contentHash, String text, String declaredTitle) {
        this(file, contentHash, text, declaredTitle == null ? List.of() : List.of(declaredTitle), List.of(),
                PlaceMap.lines(text));
    }

    /** The paragraphs of the text: the format's structure, or for plain text its blank-line-separated runs. */
    public List<Block> blocks() {
        return structure.isEmpty() ? Text.blocks(text) : structure;
    }
}
