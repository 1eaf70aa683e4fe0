package dev.citeqa.retrieve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion: a passage scores the sum of 1 / (k + rank) over the rankings that returned it. Ranks,
 * not raw scores, are fused, since BM25 scores and cosines live on scales that cannot be added.
 */
public final class RankFusion {

    private RankFusion() {
    }

    public static List<RankedPassage> fuse(List<RankedPassage> bm25, List<RankedPassage> vector, int k) {
        Map<String, RankedPassage> byId = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (RankedPassage hit : bm25) {
            byId.put(hit.passage().id(), new RankedPassage(hit.passage(), 0, 0, hit.bm25Rank(), hit.bm25Score(), 0,
                    Double.NaN, List.of()));
            scores.merge(hit.passage().id(), 1.0 / (k + hit.bm25Rank()), Double::sum);
        }
        for (RankedPassage hit : vector) {
            RankedPassage known = byId.get(hit.passage().id());
            byId.put(hit.passage().id(), new RankedPassage(hit.passage(), 0, 0,
                    known == null ? 0 : known.bm25Rank(), known == null ? Double.NaN : known.bm25Score(),
                    hit.vectorRank(), hit.vectorScore(), List.of()));
            scores.merge(hit.passage().id(), 1.0 / (k + hit.vectorRank()), Double::sum);
        }
        List<RankedPassage> fused = new ArrayList<>();
        byId.forEach((id, hit) -> fused.add(new RankedPassage(hit.passage(), 0, scores.get(id), hit.bm25Rank(),
                hit.bm25Score(), hit.vectorRank(), hit.vectorScore(), List.of())));
        // ties (same fused score) go to the passage BM25 ranked higher, then to the vector ranking
        fused.sort(Comparator.comparingDouble(RankedPassage::score).reversed()
                .thenComparingInt(h -> h.bm25Rank() == 0 ? Integer.MAX_VALUE : h.bm25Rank())
                .thenComparingInt(h -> h.vectorRank() == 0 ? Integer.MAX_VALUE : h.vectorRank()));
        List<RankedPassage> ranked = new ArrayList<>(fused.size());
        for (int i = 0; i < fused.size(); i++) {
            ranked.add(fused.get(i).withRank(i + 1));
        }
        return ranked;
    }
}
