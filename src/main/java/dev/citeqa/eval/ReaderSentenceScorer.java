package dev.citeqa.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.citeqa.answer.AnswerRequest;
import dev.citeqa.answer.ExtractiveAnswerer;
import dev.citeqa.answer.ReaderModel;
import dev.citeqa.answer.SentenceMeaning;
import dev.citeqa.index.Analysis;
import dev.citeqa.ingest.Passage;
import dev.citeqa.retrieve.RankedPassage;
import dev.citeqa.retrieve.TermWeights;

/**
 * The offline reader's learned sentence model as a {@link SentenceScorer}: each candidate sentence is read as a
 * passage of its own (all at rank 1, since WikiQA ranks no passages), with idf counted over the collection, and
 * scored by the shipped model's logit. Sentences the reader does not consider (a question, a fragment) score lowest.
 */
final class ReaderSentenceScorer implements SentenceScorer {

    private final WordOverlapScorer idf;
    private final ExtractiveAnswerer reader;

    ReaderSentenceScorer(WordOverlapScorer idf, SentenceMeaning meaning) {
        this.idf = idf;
        this.reader = new ExtractiveAnswerer(3, meaning, ReaderModel.shipped());
    }

    @Override
    public double[] score(String question, List<String> candidates) {
        List<RankedPassage> context = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            String text = candidates.get(i);
            Passage passage = new Passage("c" + i + "#0-0", "c" + i, 0, "", null, 0, text.length(), text);
            context.add(new RankedPassage(passage, 1, 1, 1, 1, 0, Double.NaN, List.of()));
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String term : Analysis.terms(question)) {
            weights.put(term, idf.idf(term));
        }
        double[] scores = new double[candidates.size()];
        java.util.Arrays.fill(scores, -1e9);
        for (ExtractiveAnswerer.Scored s : reader.judge(new AnswerRequest(question, context,
                new TermWeights(weights))).ranked()) {
            scores[s.unit().passage()] = Math.max(scores[s.unit().passage()], s.logit());
        }
        return scores;
    }
}
