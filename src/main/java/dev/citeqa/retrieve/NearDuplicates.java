package dev.citeqa.retrieve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Collapses passages that repeat one another (a paragraph reprinted by two sites, or twice in one page): the
 * best-ranked copy stays and names the files of the others in "also in". Two passages are copies when most of the
 * word 3-grams of the shorter one occur in the other; passages cut at different sentence boundaries still match.
 */
public final class NearDuplicates {

    /**
     * Share of the shorter passage's 3-grams found in the other for the two to count as copies: half, because two
     * sites that reprint a paragraph split it at different sentences, so a reprinted passage rarely matches whole.
     */
    static final double CONTAINMENT = 0.5;

    private NearDuplicates() {
    }

    /**
     * Keeps the first k passages that copy no earlier kept one, folding each copy into the first kept passage it
     * copies. The kept passages' 3-grams are indexed as they are kept, so each hit counts its shared 3-grams with
     * every kept passage in one pass over its own: linear in the hits' text, where comparing each pair was
     * quadratic (evaluation retrieves a thousand passages a question).
     */
    public static List<RankedPassage> collapse(List<RankedPassage> ranked, int k) {
        List<RankedPassage> kept = new ArrayList<>();
        List<Integer> keptSizes = new ArrayList<>();
        Map<String, List<Integer>> keptHolding = new HashMap<>();
        List<Set<String>> alsoIn = new ArrayList<>();
        for (RankedPassage hit : ranked) {
            Set<String> shingles = shingles(hit.passage().text());
            int copyOf = firstCopied(shingles, keptHolding, keptSizes);
            if (copyOf >= 0) {
                alsoIn.get(copyOf).add(hit.passage().file());
                alsoIn.get(copyOf).addAll(hit.alsoIn());
                continue;
            }
            if (kept.size() < k) {
                int index = kept.size();
                kept.add(hit);
                keptSizes.add(shingles.size());
                for (String shingle : shingles) {
                    keptHolding.computeIfAbsent(shingle, s -> new ArrayList<>(1)).add(index);
                }
                alsoIn.add(new LinkedHashSet<>(hit.alsoIn()));
            }
        }
        List<RankedPassage> collapsed = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            RankedPassage hit = kept.get(i);
            Set<String> others = alsoIn.get(i);
            others.remove(hit.passage().file());
            collapsed.add(hit.withRank(i + 1).withAlsoIn(List.copyOf(others)));
        }
        return collapsed;
    }

    /** The first kept passage that these 3-grams copy or are copied by (see {@link #containment}), or -1. */
    private static int firstCopied(Set<String> shingles, Map<String, List<Integer>> keptHolding,
                                   List<Integer> keptSizes) {
        if (shingles.isEmpty()) {
            return -1;
        }
        int[] shared = new int[keptSizes.size()];
        for (String shingle : shingles) {
            for (int index : keptHolding.getOrDefault(shingle, List.of())) {
                shared[index]++;
            }
        }
        for (int i = 0; i < shared.length; i++) {
            if (shared[i] > 0 && (double) shared[i] / Math.min(shingles.size(), keptSizes.get(i)) >= CONTAINMENT) {
                return i;
            }
        }
        return -1;
    }

    /** Whether two texts are near-duplicates by the same measure the collapsing uses. */
    public static boolean copies(String a, String b) {
        return containment(shingles(a), shingles(b)) >= CONTAINMENT;
    }

    private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

    static Set<String> shingles(String text) {
        String[] words = NOT_WORD.split(text.toLowerCase(Locale.ROOT));
        List<String> kept = new ArrayList<>();
        for (String w : words) {
            if (!w.isEmpty()) {
                kept.add(w);
            }
        }
        Set<String> shingles = new HashSet<>();
        for (int i = 0; i + 3 <= kept.size(); i++) {
            shingles.add(kept.get(i) + " " + kept.get(i + 1) + " " + kept.get(i + 2));
        }
        if (shingles.isEmpty() && !kept.isEmpty()) {
            shingles.add(String.join(" ", kept));
        }
        return shingles;
    }

    static double containment(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> smaller = a.size() <= b.size() ? a : b;
        Set<String> larger = smaller == a ? b : a;
        long shared = smaller.stream().filter(larger::contains).count();
        return (double) shared / smaller.size();
    }
}
