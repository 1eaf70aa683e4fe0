package dev.citeqa.ingest;

/** A paragraph of the extracted text (lines joined where the text was hard-wrapped), with its offsets. */
record Block(int start, int end, String text) {

    int words() {
        return Text.wordCount(text);
    }
}
