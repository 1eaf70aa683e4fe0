package dev.citeqa.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.citeqa.config.CiteqaProperties;

/**
 * Cleans one file's text and cuts its content into passages of a few whole sentences. A passage never crosses
 * removed text, so its text is always the file's text between its offsets; a paragraph that ends with a colon
 * stays with the one it introduces. In a converted format a heading starts a new passage and names its section, a
 * list stays with the sentence that introduces it (items grouped up to the passage size), and a code block is a
 * passage of its own, never split.
 */
public final class PassageSplitter {

    private final int sentencesPerPassage;
    private final int maxChars;

    public PassageSplitter(CiteqaProperties.Ingest settings) {
        this.sentencesPerPassage = settings.passageSentences();
        this.maxChars = settings.maxPassageChars();
    }

    public IngestedFile split(SourceText source, Boilerplate boilerplate, Set<String> lineKeys) {
        List<Block> blocks = source.blocks();
        String title = Title.of(source, blocks, boilerplate);
        String date = PublicationDate.of(blocks).map(Object::toString).orElse(null);
        Passages passages = new Passages(source, title, date);
        List<SentenceSplitter.Span> pending = passages.pending;
        boolean pendingEndsParagraph = false;
        boolean inList = false;
        for (Block block : boilerplate.content(blocks)) {
            if (block == null) {
                passages.flush();
                inList = false;
                continue;
            }
            switch (block.kind()) {
                case HEADING -> {
                    passages.flush();
                    passages.section = Text.oneLine(block.text());
                    inList = false;
                }
                case CODE -> {
                    passages.flush();
                    pending.add(new SentenceSplitter.Span(block.start(), block.end()));
                    passages.flush();
                    inList = false;
                }
                case ITEM -> {
                    if (!inList && pending.size() > 1) {
                        // the list goes with the sentence that introduces it, the sentences before it stay apart
                        SentenceSplitter.Span introduction = pending.removeLast();
                        passages.flush();
                        pending.add(introduction);
                    }
                    inList = true;
                    for (SentenceSplitter.Span sentence : sentences(source.text(), block)) {
                        if (!pending.isEmpty() && sentence.end() - pending.getFirst().start() > maxChars) {
                            passages.flush();
                        }
                        pending.add(sentence);
                    }
                }
                case PARAGRAPH -> {
                    if (inList) {
                        passages.flush();
                        inList = false;
                    }
                    String text = source.text();
                    List<SentenceSplitter.Span> sentences = sentences(text, block);
                    if (!pending.isEmpty() && continuesSentence(text, pending.getLast(), block)) {
                        // the layout broke a sentence here: its end joins its start, whatever the count
                        pending.add(new SentenceSplitter.Span(pending.removeLast().start(),
                                sentences.removeFirst().end()));
                    }
                    for (SentenceSplitter.Span sentence : sentences) {
                        int pendingChars = pending.isEmpty() ? 0 : sentence.end() - pending.getFirst().start();
                        boolean full = pending.size() >= sentencesPerPassage || pendingChars > maxChars;
                        boolean paragraphBreakWithEnough = pendingEndsParagraph
                                && pending.size() * 2 >= sentencesPerPassage
                                && !text.substring(pending.getLast().start(), pending.getLast().end()).strip()
                                .endsWith(":");
                        if (!pending.isEmpty() && (full || paragraphBreakWithEnough)) {
                            passages.flush();
                        }
                        pending.add(sentence);
                        pendingEndsParagraph = false;
                    }
                }
            }
            pendingEndsParagraph = true;
        }
        passages.flush();

        String fingerprint = fingerprint(source.contentHash(), sentencesPerPassage, maxChars,
                boilerplate.corpusChrome(lineKeys));
        return new IngestedFile(source.file(), source.contentHash(), fingerprint, title, date,
                List.copyOf(passages.done));
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
    private static final int SPLITTER_VERSION = 3;

    /** True when the block goes on with the sentence left open at the end of {@code last}. */
    private static boolean continuesSentence(String text, SentenceSplitter.Span last, Block block) {
        char first = block.text().charAt(0);
        return !Text.endsLikeSentence(text.substring(last.start(), last.end()))
                && (Character.isLowerCase(first) || Character.isDigit(first));
    }

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

    /** The passages of one file, and the sentences waiting to become the next one. */
    private static final class Passages {
        private final SourceText source;
        private final String title;
        private final String date;
        private final List<SentenceSplitter.Span> pending = new ArrayList<>();
        private final List<Passage> done = new ArrayList<>();
        private String section;

        Passages(SourceText source, String title, String date) {
            this.source = source;
            this.title = title;
            this.date = date;
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            int start = pending.getFirst().start();
            int end = pending.getLast().end();
            String text = source.text().substring(start, end);
            int ordinal = done.size();
            done.add(new Passage(Passage.idOf(source.file(), ordinal, text), source.file(), ordinal, title, date,
                    start, end, text, section, source.places().place(start, end)));
            pending.clear();
        }
    }
}
