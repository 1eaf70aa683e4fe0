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
 * Tells content from what is not: site chrome and labels (short lines that are not sentences), share, login and
 * paywall prompts (call-to-action words together with second person or prices), link and credit lines, lines
 * that recur across many files of the corpus, and paragraphs repeated inside a file. The rules look at line
 * shape and corpus frequency only; no phrase of any particular document is listed.
 */
public final class Boilerplate {

    /** Lines longer than this are never treated as corpus-wide chrome: long repeated text is content. */
    static final int MAX_CHROME_WORDS = 30;

    private static final Pattern CALL_TO_ACTION = Pattern.compile(
            "\\b(subscribe[sd]?|subscribers?|subscription|log ?in|login|sign ?(in|up)|newsletters?"
                    + "|cookies?|advertisements?|sponsored|share (this|on)|tweet|facebook|whatsapp|linkedin"
                    + "|click here|read more|continue reading|free trial|all rights reserved|terms of (use|service)"
                    + "|privacy policy|unlimited (digital )?access|ad-free|free articles?|article limit|paywall"
                    + "|view all posts|follow us|download (the|our) app)\\b");
    private static final Pattern SECOND_PERSON = Pattern.compile("\\b(you|your|you've|you're|yours)\\b");
    private static final Pattern PRICE = Pattern.compile("[$€£]\\s?\\d|\\d\\s?(usd|eur)\\b|/(week|month|year)\\b|\\bper (week|month|year)\\b");
    private static final Pattern URL = Pattern.compile("https?://|www\\.");
    private static final Pattern TEASER = Pattern.compile(
            "^(read|read more|related|see also|also read|more|watch|listen|recommended)\\s*:.*");
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
     * name sections), code is dropped only when repeated, and a block that ends a sentence the block before it began
     * ("... and the maximum is" / "100.") is never dropped for its shape.
     */
    List<Block> content(List<Block> blocks) {
        List<Block> kept = new ArrayList<>(blocks.size());
        Set<String> seen = new HashSet<>();
        Block previous = null;
        for (Block block : blocks) {
            String key = Text.key(block.text());
            boolean drop = switch (block.kind()) {
                case HEADING -> key.isEmpty();
                case CODE -> key.isEmpty() || !seen.add(key);
                case PARAGRAPH, ITEM -> key.isEmpty()
                        || !seen.add(key)
                        || (isChromeShaped(block) && !endsSentenceOf(previous, block))
                        || isCallToAction(block)
                        || (block.words() <= MAX_CHROME_WORDS && isCorpusChrome(key));
            };
            kept.add(drop ? null : block);
            previous = drop ? previous : block;
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
        String lower = text.toLowerCase(Locale.ROOT);
        if (TEASER.matcher(lower).matches() && !Text.endsLikeSentence(text)) {
            return true;
        }
        return URL.matcher(lower).find() && words <= 15;
    }

    /** Capitals only, and at least one letter: "THINK TANK: SENIOR", not "100.". */
    private static boolean isAllCapitals(String text) {
        return text.chars().anyMatch(Character::isLetter) && text.equals(text.toUpperCase(Locale.ROOT));
    }

    static boolean isCallToAction(Block block) {
        int words = block.words();
        if (words > 45) {
            return false;
        }
        String lower = block.text().toLowerCase(Locale.ROOT);
        int hits = (int) CALL_TO_ACTION.matcher(lower).results().count();
        boolean addressed = SECOND_PERSON.matcher(lower).find();
        boolean priced = PRICE.matcher(lower).find();
        return hits >= 2 || (hits == 1 && (addressed || priced)) || (priced && addressed);
    }
}
