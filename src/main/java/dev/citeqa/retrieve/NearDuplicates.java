package dev.citeqa.retrieve;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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

    public static List<RankedPassage> collapse(List<RankedPassage> ranked, int k) {
        List<RankedPassage> kept = new ArrayList<>();
        List<Set<String>> keptShingles = new ArrayList<>();
        List<Set<String>> alsoIn = new ArrayList<>();
        for (RankedPassage hit : ranked) {
            Set<String> shingles = shingles(hit.passage().text());
            int copyOf = -1;
            for (int i = 0; i < kept.size(); i++) {
                if (containment(shingles, keptShingles.get(i)) >= CONTAINMENT) {
                    copyOf = i;
                    break;
                }
            }
            if (copyOf >= 0) {
                alsoIn.get(copyOf).add(hit.passage().file());
                alsoIn.get(copyOf).addAll(hit.alsoIn());
                continue;
            }
            if (kept.size() < k) {
                kept.add(hit);
                keptShingles.add(shingles);
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

    /** Whether two texts are near-duplicates by the same measure the collapsing uses. */
    public static boolean copies(String a, String b) {
        return containment(shingles(a), shingles(b)) >= CONTAINMENT;
    }

    static Set<String> shingles(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
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
