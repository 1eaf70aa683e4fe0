package dev.citeqa.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Tells content from what is not, by shape and repetition alone; no word of any particular site or document is
 * listed. Dropped: short lines that are not sentences (labels, bylines, forum chrome), headline-shaped lines inside
 * the text (capitalised, no closing stop) and "Label: headline" link lines, datelines, link lines, prompts
 * addressed to the reader or spoken by the site ("you", "our") that stand in a run of chrome and share few words
 * with the rest of the document (paywall and sign-up prompts), a short non-sentence left alone between dropped
 * lines, lines that recur across many files of the corpus, and paragraphs repeated inside a file.
 */
public final class Boilerplate {

    /** Lines longer than this are never treated as corpus-wide chrome: long repeated text is content. */
    static final int MAX_CHROME_WORDS = 30;
    /** A prompt to the reader is short; a longer block that says "you" is an instruction or an article. */
    static final int MAX_PROMPT_WORDS = 45;

    /** The grammatical persons of a site talking to its reader: second person, and the first person plural. */
    private static final Pattern ADDRESS = Pattern.compile("\\b([Yy]ou|[Yy]ours?|[Yy]ourself|[Yy]ou['’](ve|re|ll|d)"
            + "|[Ww]e|[Ww]e['’](re|ve|ll)|[Oo]urs?|us)\\b"); // "us", never "US"
    private static final Pattern QUOTED = Pattern.compile("[\"“][^\"“”]*[\"”]");
    private static final Pattern URL = Pattern.compile("https?://|www\\.");
    /** "Related: Harbour reopens after storm": a capitalised label, a colon, a headline of plain words. */
    private static final Pattern LABELLED_LINE = Pattern.compile("^\\p{Lu}\\p{Ll}+:\\s+\\p{Lu}[\\p{L}\\s,'’-]*");
    /** Characters of code and formal notation: a line holding them is not a headline. */
    private static final Pattern NOTATION = Pattern.compile("[<>=_`{}\\[\\]|\\\\#*]");
    private static final Pattern LIST_ITEM = Pattern.compile("^([-*•·]|\\d{1,3}[.)])\\s+\\S.*");

    private final Map<String, Integer> fileCounts;
    private final int files;

    private Boilerplate(Map<String, Integer> fileCounts, int files) {
        this.fileCounts = fileCounts;
        this.files = files;
    }

    /** A filter that knows, for each short line, in how many files of the corpus it occurs. */
    public static Boilerplate ofCorpus(Map<String, Set<String>> lineKeysByFile) {
        Map<String, Integer> counts = new HashMap<>();
        for (Set<String> keys : lineKeysByFile.values()) {
            for (String key : keys) {
                counts.merge(key, 1, Integer::sum);
            }
        }
        return new Boilerplate(counts, lineKeysByFile.size());
    }

    /**
     * The keys of this file's short lines: all the corpus statistics need from a file. Headings and code are left
     * out: a heading such as "Description" names a section in every file of a manual, and code is content.
     */
    public static Set<String> lineKeys(SourceText source) {
        Set<String> keys = new HashSet<>();
        for (Block block : source.blocks()) {
            if (block.words() <= MAX_CHROME_WORDS && (block.kind() == Block.Kind.PARAGRAPH
                    || block.kind() == Block.Kind.ITEM)) {
                keys.add(Text.key(block.text()));
            }
        }
        return keys;
    }

    /**
     * The lines of this file that the corpus marks as chrome, sorted: a file whose set changes is re-split even
     * when its bytes did not change.
     */
    public Set<String> corpusChrome(Set<String> lineKeys) {
        Set<String> chrome = new TreeSet<>();
        for (String key : lineKeys) {
            if (isCorpusChrome(key)) {
                chrome.add(key);
            }
        }
        return chrome;
    }

    /** True when this line recurs across so many files of the corpus that it is site chrome, not content. */
    boolean isCorpusChromeLine(String line) {
        return isCorpusChrome(Text.key(line));
    }

    private boolean isCorpusChrome(String key) {
        int count = fileCounts.getOrDefault(key, 0);
        return count >= 3 && count * 5 >= files && !key.isEmpty();
    }

    /**
     * The blocks of one file that are content, in order; null entries mark removed blocks. Headings are kept (they
     * name sections), code is dropped only when repeated, and no block is dropped for its shape when it ends a
     * sentence the block before it began ("... and the maximum is" / "100.") or begins one the next block ends
     * ("About Jane Doe" / "is a former harbour pilot.").
     */
    List<Block> content(List<Block> blocks) {
        int n = blocks.size();
        boolean[] drop = new boolean[n];
        boolean[] prompt = new boolean[n];
        Set<String> seen = new HashSet<>();
        Block previous = null;
        for (int i = 0; i < n; i++) {
            Block block = blocks.get(i);
            String key = Text.key(block.text());
            drop[i] = switch (block.kind()) {
                case HEADING -> key.isEmpty();
                case CODE -> key.isEmpty() || !seen.add(key);
                case PARAGRAPH, ITEM -> key.isEmpty()
                        || !seen.add(key)
                        || (isChromeShaped(block) && !endsSentenceOf(previous, block)
                            && !(i + 1 < n && endsSentenceOf(block, blocks.get(i + 1))))
                        || (block.words() <= MAX_CHROME_WORDS && isCorpusChrome(key));
            };
            prompt[i] = !drop[i] && isPrompt(block);
            previous = drop[i] ? previous : block;
        }
        Set<String> topic = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (!drop[i] && !prompt[i]) {
                topic.addAll(stems(blocks.get(i).text()));
            }
        }
        // A paywall or sign-up box is a run of buttons (capitalised lines) and prompts to the reader: from each
        // button, chrome spreads to the off-topic prompts beside it, and on from them. Labels such as a manual's
        // repeated "Filename: src/main.rs" are no buttons, so the instructions beside them stay.
        boolean[] chrome = drop.clone();
        boolean[] run = new boolean[n];
        for (int i = 0; i < n; i++) {
            Block block = blocks.get(i);
            run[i] = drop[i] && block.kind() == Block.Kind.PARAGRAPH && isButton(block.text().strip());
        }
        for (boolean spread = true; spread; ) {
            spread = false;
            for (int i = 0; i < n; i++) {
                boolean besideRun = i > 0 && run[i - 1] || i < n - 1 && run[i + 1];
                if (!chrome[i] && prompt[i] && besideRun && isOffTopic(blocks.get(i), topic)) {
                    chrome[i] = true;
                    run[i] = true;
                    spread = true;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            String text = blocks.get(i).text();
            if (!chrome[i] && n > 1 && (i == 0 || chrome[i - 1]) && (i == n - 1 || chrome[i + 1])
                    && blocks.get(i).words() <= 12 && !Text.endsLikeSentence(text) && !NOTATION.matcher(text).find()) {
                chrome[i] = true; // a button or label left alone between dropped lines
            }
        }
        List<Block> kept = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            kept.add(chrome[i] ? null : blocks.get(i));
        }
        return kept;
    }

    /** True when {@code block} goes on with a sentence that {@code previous} left open and ends it. */
    static boolean endsSentenceOf(Block previous, Block block) {
        if (previous == null || previous.kind() == Block.Kind.HEADING || Text.endsLikeSentence(previous.text())) {
            return false;
        }
        String text = block.text().strip();
        char first = text.charAt(0);
        return (Character.isLowerCase(first) || Character.isDigit(first)) && Text.endsLikeSentence(text);
    }

    static boolean isChromeShaped(Block block) {
        String text = block.text().strip();
        int words = block.words();
        if (block.kind() == Block.Kind.ITEM && words >= 1 || LIST_ITEM.matcher(text).matches() && words >= 2) {
            return false; // an item of a list the format marks as one is content, however short
        }
        if (words < 5 && (!Text.endsLikeSentence(text) || isAllCapitals(text))) {
            return true;
        }
        if (words <= 10 && !Text.endsLikeSentence(text) && PublicationDate.first(text).isPresent()) {
            return true; // a dateline: kept as the passage date, not as text
        }
        if (!Text.endsLikeSentence(text) && words <= 12 && (isTitleCase(text) || LABELLED_LINE.matcher(text).matches())) {
            return true; // a headline, button or "Related: headline" link inside the text
        }
        return URL.matcher(text.toLowerCase(Locale.ROOT)).find() && words <= 15;
    }

    /** Three in four of the words capitalised: "Get Full Access For Just Two Dollars", not a sentence. */
    private static boolean isTitleCase(String text) {
        if (NOTATION.matcher(text).find()) {
            return false;
        }
        int words = 0;
        int capitalised = 0;
        for (String word : text.split("[^\\p{L}]+")) {
            if (!word.isEmpty()) {
                words++;
                capitalised += Character.isUpperCase(word.charAt(0)) ? 1 : 0;
            }
        }
        return words >= 5 && capitalised * 4 >= words * 3;
    }

    /** A line shaped like a button or banner: capitals only, or most words capitalised, no closing stop. */
    private static boolean isButton(String text) {
        return !Text.endsLikeSentence(text) && (isAllCapitals(text) || isTitleCase(text)) || isAllCapitals(text);
    }

    /** Capitals only, and at least one letter: "THINK TANK: SENIOR", not "100.". */
    private static boolean isAllCapitals(String text) {
        return text.chars().anyMatch(Character::isLetter) && text.equals(text.toUpperCase(Locale.ROOT));
    }

    /**
     * A short block that speaks to the reader or for the site, outside quotation marks. Manuals say "you" too: such
     * a block is dropped only next to other chrome and off the document's topic ({@link #isOffTopic}).
     */
    static boolean isPrompt(Block block) {
        return block.kind() != Block.Kind.CODE && block.kind() != Block.Kind.HEADING
                && block.words() <= MAX_PROMPT_WORDS
                && ADDRESS.matcher(QUOTED.matcher(block.text()).replaceAll(" ")).find();
    }

    /** Fewer than half of the block's words occur in the document's content: it is about something else. */
    static boolean isOffTopic(Block block, Set<String> topic) {
        Set<String> own = stems(block.text());
        long shared = own.stream().filter(topic::contains).count();
        return !own.isEmpty() && shared * 2 < own.size();
    }

    /** Words of five letters or more, cut to five: enough to tell what a block is about. */
    static Set<String> stems(String text) {
        Set<String> stems = new HashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (word.length() >= 5) {
                stems.add(word.substring(0, 5));
            }
        }
        return stems;
    }
}
