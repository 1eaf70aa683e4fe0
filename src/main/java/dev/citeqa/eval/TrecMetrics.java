package dev.citeqa.eval;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Ranking metrics as trec_eval computes them: relevant means a judgment of 1 or more, nDCG's gain is the judgment
 * itself with a log2(rank + 1) discount and an ideal ranking built from every judged document, and a query
 * without relevant documents scores 0.
 */
public final class TrecMetrics {

    private TrecMetrics() {
    }

    /** nDCG at k ({@code ndcg_cut.k}) of a ranking already in trec_eval order. */
    public static double ndcg(List<String> ranking, Map<String, Integer> judgments, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            int gain = judgments.getOrDefault(ranking.get(i), 0);
            if (gain > 0) {
                dcg += gain / log2(i + 2);
            }
        }
        List<Integer> ideal = judgments.values().stream().filter(g -> g > 0).sorted(Comparator.reverseOrder()).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += ideal.get(i) / log2(i + 2);
        }
        return idcg > 0 ? dcg / idcg : 0;
    }

    /** Recall at k ({@code recall.k}): relevant documents in the first k, over all relevant documents. */
    public static double recall(List<String> ranking, Map<String, Integer> judgments, int k) {
        long relevant = judgments.values().stream().filter(g -> g >= 1).count();
        if (relevant == 0) {
            return 0;
        }
        long found = ranking.stream().limit(k).filter(d -> judgments.getOrDefault(d, 0) >= 1).count();
        return (double) found / relevant;
    }

    /** Reciprocal rank of the first relevant document within the first k, 0 when there is none. */
    public static double reciprocalRank(List<String> ranking, Map<String, Integer> judgments, int k) {
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            if (judgments.getOrDefault(ranking.get(i), 0) >= 1) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }
}
