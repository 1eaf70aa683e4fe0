package dev.citeqa.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import dev.citeqa.ingest.DocumentReader;
import dev.citeqa.ingest.Passage;

/** Where a passage sits in its file, and the passage with its cited sentence marked. */
final class PassagePlace {

    static final String MARK_START = ">>> ";
    static final String MARK_END = " <<<";

    private PassagePlace() {
    }

    /** The line the passage starts on, if the file still holds the passage's text at its offsets. */
    static Optional<Integer> line(Path docs, Passage passage) {
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
        int line = 1;
        for (int i = 0; i < passage.start(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return Optional.of(line);
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
