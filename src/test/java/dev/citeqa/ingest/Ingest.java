package dev.citeqa.ingest;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.citeqa.config.CiteqaProperties;

/** Runs made-up files through reading, cleaning and splitting, as the indexer does, for tests. */
final class Ingest {

    static final PassageSplitter SPLITTER = new PassageSplitter(CiteqaProperties.Ingest.defaults());

    private Ingest() {
    }

    static SourceText read(String file, byte[] bytes) {
        DocumentReader.Result result = new DocumentReader().parse(file, bytes, Hashes.sha256(bytes));
        if (!(result instanceof DocumentReader.Read read)) {
            throw new AssertionError(file + " was skipped: " + result);
        }
        return read.source();
    }

    static SourceText read(String file, String text) {
        return read(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Each file split against the corpus of all the given files; the passages of each, in order. */
    static Map<String, IngestedFile> corpus(Map<String, SourceText> sources) {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        sources.forEach((name, source) -> keys.put(name, Boilerplate.lineKeys(source)));
        Boilerplate boilerplate = Boilerplate.ofCorpus(keys);
        Map<String, IngestedFile> files = new LinkedHashMap<>();
        sources.forEach((name, source) -> files.put(name, SPLITTER.split(source, boilerplate, keys.get(name))));
        return files;
    }

    static IngestedFile one(SourceText source) {
        return corpus(Map.of(source.file(), source)).get(source.file());
    }

    static List<String> texts(IngestedFile file) {
        return file.passages().stream().map(Passage::text).toList();
    }

    /** The passage that holds {@code words}; fails when none does. */
    static Passage holding(IngestedFile file, String words) {
        return file.passages().stream().filter(p -> p.text().contains(words)).findFirst()
                .orElseThrow(() -> new AssertionError("no passage holds \"" + words + "\": " + texts(file)));
    }

    /** The 1-based line of the first occurrence of {@code words} in a file's text. */
    static int lineOf(String fileText, String words) {
        int at = fileText.indexOf(words);
        if (at < 0) {
            throw new AssertionError("not in the file: " + words);
        }
        return (int) fileText.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
