package dev.citeqa.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import dev.citeqa.ingest.Passage;

/**
 * Collapsing through the index of kept 3-grams gives what comparing every hit with every kept passage gives: the
 * same passages kept, in the same order, with the same files named as holding a copy.
 */
class NearDuplicatesProperties {

    @Property(tries = 300)
    void theIndexedCollapseKeepsAndFoldsWhatThePairwiseDefinitionDoes(@ForAll("hits") List<RankedPassage> hits,
                                                                       @ForAll @IntRange(min = 1, max = 8) int k) {
        List<RankedPassage> collapsed = NearDuplicates.collapse(hits, k);
        List<RankedPassage> expected = pairwise(hits, k);

        assertThat(collapsed).extracting(h -> h.passage().id())
                .containsExactlyElementsOf(expected.stream().map(h -> h.passage().id()).toList());
        assertThat(collapsed).extracting(RankedPassage::alsoIn)
                .containsExactlyElementsOf(expected.stream().map(RankedPassage::alsoIn).toList());
        assertThat(collapsed).extracting(RankedPassage::rank)
                .containsExactlyElementsOf(expected.stream().map(RankedPassage::rank).toList());
    }

    /** The definition: a hit copies the first kept passage with which its 3-gram containment reaches one half. */
    private static List<RankedPassage> pairwise(List<RankedPassage> ranked, int k) {
        List<RankedPassage> kept = new ArrayList<>();
        List<Set<String>> alsoIn = new ArrayList<>();
        for (RankedPassage hit : ranked) {
            int copyOf = -1;
            for (int i = 0; i < kept.size() && copyOf < 0; i++) {
                if (NearDuplicates.containment(NearDuplicates.shingles(hit.passage().text()),
                        NearDuplicates.shingles(kept.get(i).passage().text())) >= NearDuplicates.CONTAINMENT) {
                    copyOf = i;
                }
            }
            if (copyOf >= 0) {
                alsoIn.get(copyOf).add(hit.passage().file());
                alsoIn.get(copyOf).addAll(hit.alsoIn());
            } else if (kept.size() < k) {
                kept.add(hit);
                alsoIn.add(new LinkedHashSet<>(hit.alsoIn()));
            }
        }
        List<RankedPassage> collapsed = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            alsoIn.get(i).remove(kept.get(i).passage().file());
            collapsed.add(kept.get(i).withRank(i + 1).withAlsoIn(List.copyOf(alsoIn.get(i))));
        }
        return collapsed;
    }

    @Provide
    Arbitrary<List<RankedPassage>> hits() {
        // a vocabulary of five words, so passages share 3-grams often and copies are common
        Arbitrary<String> text = Arbitraries.of("port", "storm", "berths", "harbour", "fleet").list()
                .ofMinSize(0).ofMaxSize(14).map(words -> String.join(" ", words));
        Arbitrary<String> file = Arbitraries.integers().between(0, 5).map(n -> "f" + n + ".txt");
        Arbitrary<List<String>> also = file.list().ofMaxSize(2);
        return Combinators.combine(text, file, also).as((t, f, a) -> new Object[]{t, f, a}).list().ofMaxSize(30)
                .map(rows -> {
                    List<RankedPassage> hits = new ArrayList<>();
                    for (int i = 0; i < rows.size(); i++) {
                        Object[] row = rows.get(i);
                        @SuppressWarnings("unchecked")
                        List<String> alsoIn = (List<String>) row[2];
                        Passage passage = new Passage("p" + i, (String) row[1], i, "", null, 0, 0, (String) row[0]);
                        hits.add(new RankedPassage(passage, i + 1, 1.0 / (i + 1), i + 1, 1.0, 0, Double.NaN,
                                alsoIn));
                    }
                    return hits;
                });
    }
}
