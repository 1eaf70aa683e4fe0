package dev.citeqa.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.citeqa.config.CiteqaProperties;

/**
 * Cleans one file's text and cuts its content into passages of a few whole sentences. A passage never crosses
 * removed text, so its text is always the file's text between its offsets; a paragraph that ends with a colon
 * stays with the one it introduces.
 */
public final class PassageSplitter {

    private final int sentencesPerPassage;
    private final int maxChars;

    public PassageSplitter(CiteqaProperties.Ingest settings) {
        this.sentencesPerPassage = settings.passageSentences();
        this.maxChars = settings.maxPassageChars();
    }

    public IngestedFile split(SourceText source, Boilerplate boilerplate, Set<String> lineKeys) {
        String text = source.text();
        List<Block> blocks = Text.blocks(text);
        String title = Title.of(source, blocks);
        String date = PublicationDate.of(blocks).map(Object::toString).orElse(null);
        List<Block> content = boilerplate.content(blocks);

        List<Passage> passages = new ArrayList<>();
        List<SentenceSplitter.Span> pending = new ArrayList<>();
        boolean pendingEndsParagraph = false;
        for (Block block : content) {
            if (block == null) {
                flush(source.file(), title, date, text, pending, passages);
                continue;
            }
            for (SentenceSplitter.Span sentence : sentences(text, block)) {
                int pendingChars = pending.isEmpty() ? 0 : sentence.end() - pending.getFirst().start();
                boolean full = pending.size() >= sentencesPerPassage || pendingChars > maxChars;
                boolean paragraphBreakWithEnough = pendingEndsParagraph && pending.size() * 2 >= sentencesPerPassage
                        && !text.substring(pending.getLast().start(), pending.getLast().end()).strip().endsWith(":");
                if (!pending.isEmpty() && (full || paragraphBreakWithEnough)) {
                    flush(source.file(), title, date, text, pending, passages);
                }
                pending.add(sentence);
                pendingEndsParagraph = false;
            }
            pendingEndsParagraph = true;
        }
        flush(source.file(), title, date, text, pending, passages);

        String fingerprint = fingerprint(source.contentHash(), sentencesPerPassage, maxChars,
                boilerplate.corpusChrome(lineKeys));
        return new IngestedFile(source.file(), source.contentHash(), fingerprint, title, date, List.copyOf(passages));
    }

    /** What a file's passages depend on besides its own bytes: the split settings and its corpus chrome. */
    public static String fingerprint(String contentHash, CiteqaProperties.Ingest settings, Set<String> chrome) {
        return fingerprint(contentHash, settings.passageSentences(), settings.maxPassageChars(), chrome);
    }

    private static String fingerprint(String contentHash, int sentences, int maxChars, Set<String> chrome) {
        return Hashes.sha256(SPLITTER_VERSION + "\n" + contentHash + "\n" + sentences + "/" + maxChars + "\n"
                + String.join("\n", chrome));
    }

    /** Bump when the cleaning or splitting rules change, so every file is split again. */
    private static final int SPLITTER_VERSION = 2;

    /** Sentences of a block, with any sentence longer than the passage limit cut at a space. */
    private List<SentenceSplitter.Span> sentences(String text, Block block) {
        List<SentenceSplitter.Span> result = new ArrayList<>();
        for (SentenceSplitter.Span span : SentenceSplitter.split(text, block.start(), block.end())) {
            int start = span.start();
            while (span.end() - start > maxChars) {
                int cut = text.lastIndexOf(' ', start + maxChars);
                if (cut <= start) {
                    cut = start + maxChars;
                }
                int end = cut;
                while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
                result.add(new SentenceSplitter.Span(start, end));
                start = cut;
                while (start < span.end() && Character.isWhitespace(text.charAt(start))) {
                    start++;
                }
            }
            if (start < span.end()) {
                result.add(new SentenceSplitter.Span(start, span.end()));
            }
        }
        return result;
    }

    private static void flush(String file, String title, String date, String text,
                              List<SentenceSplitter.Span> pending, List<Passage> passages) {
        if (pending.isEmpty()) {
            return;
        }
        int start = pending.getFirst().start();
        int end = pending.getLast().end();
        String passageText = text.substring(start, end);
        int ordinal = passages.size();
        passages.add(new Passage(Passage.idOf(file, ordinal, passageText), file, ordinal, title, date, start, end,
                passageText));
        pending.clear();
    }
}
