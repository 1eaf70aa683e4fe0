package dev.citeqa.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The title of a document: the first title its format declares (HTML og:title or headline, Markdown front matter
 * or first heading, PDF metadata) that is not boilerplate; else the headline-shaped line near its top whose words
 * the text goes on to use most (a site's tagline shares few words with the article under it); else the file name.
 */
final class Title {

    /** Only the first blocks are looked at for a headline. */
    private static final int HEAD_BLOCKS = 8;
    private static final int MAX_TITLE_WORDS = 20;

    private Title() {
    }

    static String of(SourceText source, List<Block> blocks, Boilerplate boilerplate) {
        for (String declared : source.titles()) {
            String title = Text.oneLine(declared);
            if (!title.isEmpty() && Text.wordCount(title) <= 40 && !isBoilerplate(title, boilerplate)) {
                return title;
            }
        }
        String headline = headline(source.text(), blocks, boilerplate);
        if (headline != null) {
            return headline;
        }
        // No lead sentence as a title: the title is searched and embedded with every passage of the file, and a
        // copy of the lead there pulled the whole file towards one topic (one seed question lost a rank).
        String file = source.file();
        return file.substring(file.lastIndexOf('/') + 1);
    }

    private static String headline(String text, List<Block> blocks, Boilerplate boilerplate) {
        Map<String, Integer> counts = stemCounts(text);
        String best = null;
        double bestScore = 0;
        for (int i = 0; i < Math.min(blocks.size(), HEAD_BLOCKS); i++) {
            Block block = blocks.get(i);
            String line = block.text().strip();
            int words = block.words();
            boolean shaped = block.kind() != Block.Kind.CODE && !line.contains("\n") && words <= MAX_TITLE_WORDS
                    && (words >= 3 || (i == 0 && words >= 1)) && !line.endsWith(".")
                    && !(words <= 10 && PublicationDate.first(line).isPresent());
            if (!shaped || isBoilerplate(line, boilerplate)) {
                continue;
            }
            double score = repeatedLater(line, counts);
            if (score > bestScore) {
                best = line;
                bestScore = score;
            }
        }
        return best;
    }

    /** The share of a line's words that the text uses again elsewhere. */
    private static double repeatedLater(String line, Map<String, Integer> counts) {
        Map<String, Integer> own = new HashMap<>();
        for (String stem : stems(line)) {
            own.merge(stem, 1, Integer::sum);
        }
        if (own.isEmpty()) {
            return 0;
        }
        long repeated = own.entrySet().stream().filter(e -> counts.getOrDefault(e.getKey(), 0) > e.getValue()).count();
        return (double) repeated / own.size();
    }

    private static Map<String, Integer> stemCounts(String text) {
        Map<String, Integer> counts = new HashMap<>();
        for (String stem : stems(text)) {
            counts.merge(stem, 1, Integer::sum);
        }
        return counts;
    }

    /** Words of three letters or more, cut to five: "signed" and "signing" count as one. */
    private static List<String> stems(String text) {
        return java.util.Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() >= 3)
                .map(w -> w.length() > 5 ? w.substring(0, 5) : w)
                .toList();
    }

    private static boolean isBoilerplate(String line, Boilerplate boilerplate) {
        Block block = new Block(0, line.length(), line);
        return boilerplate.isCorpusChromeLine(line)
                || line.matches("(?i).*(https?://|www\\.).*") && block.words() <= 15;
    }
}
