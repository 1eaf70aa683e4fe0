package dev.citeqa.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import dev.citeqa.ingest.DocumentReader;
import dev.citeqa.ingest.Passage;
import dev.citeqa.ingest.Place;

/** Where a passage sits in its file, and the passage with its cited sentence marked. */
final class PassagePlace {

    static final String MARK_START = ">>> ";
    static final String MARK_END = " <<<";

    private PassagePlace() {
    }

    /**
     * Where the passage is in its file ("line 285", "pages 3-4"), if the file still holds the passage's text at its
     * offsets. Offsets count the extracted text; a converted file (HTML, Markdown, PDF) gives its own lines or pages,
     * kept with the passage when it was indexed.
     */
    static Optional<String> place(Path docs, Passage passage) {
        Path path = docs.resolve(passage.file());
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        if (!(new DocumentReader().read(path, passage.file()) instanceof DocumentReader.Read read)) {
            return Optional.empty();
        }
        String text = read.source().text();
        if (passage.end() > text.length() || !text.substring(passage.start(), passage.end()).equals(passage.text())) {
            return Optional.empty();
        }
        Place place = passage.place() != null ? passage.place()
                : read.source().places().place(passage.start(), passage.end());
        return Optional.of(place.describe());
    }

    /** The passage text with the cited sentence between markers (whitespace may differ inside the sentence). */
    static String marked(String passage, String sentence) {
        if (sentence == null || sentence.isBlank()) {
            return passage;
        }
        String pattern = java.util.regex.Pattern.quote(sentence.strip()).replace(" ", "\\E\\s+\\Q");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(pattern).matcher(passage);
        if (!m.find()) {
            return passage;
        }
        return passage.substring(0, m.start()) + MARK_START + m.group() + MARK_END + passage.substring(m.end());
    }
}
