package dev.citeqa.ingest;

/**
 * A paragraph of the extracted text, with its offsets: in plain text a run of lines (joined where the text was
 * hard-wrapped); in a converted format the unit its structure gives (a heading, a paragraph, a list item, a code
 * block).
 */
public record Block(int start, int end, String text, Kind kind) {

    /** What a block is in its document's structure. */
    public enum Kind {
        PARAGRAPH,
        /** A heading: it names the section of the blocks after it and is no passage text itself. */
        HEADING,
        /** A list item, or a paragraph inside one: a list stays with the sentence that introduces it. */
        ITEM,
        /** Preformatted code: one unit, never split. */
        CODE
    }

    Block(int start, int end, String text) {
        this(start, end, text, Kind.PARAGRAPH);
    }

    int words() {
        return Text.wordCount(text);
    }
}
