package dev.citeqa.eval;

import java.util.List;

import dev.citeqa.config.Problem;
import dev.citeqa.index.Embedder;

/** The sentence scorers that {@code eval wikiqa} can measure, by name. */
public final class SentenceScorers {

    public static final String NAMES = "overlap, cosine, reader, reader-lexical";

    private SentenceScorers() {
    }

    /**
     * The scorer of this name, prepared for these questions; a scorer that counts term statistics counts them over
     * the candidates' text, never their labels.
     *
     * @param embeddingModel the embedding model setting ({@code citeqa.retrieval.embedding-model}), for
     *                       {@code cosine}
     */
    public static SentenceScorer named(String name, List<WikiQaFile.Question> questions, String embeddingModel) {
        return switch (name) {
            case "overlap" -> overlap(questions);
            case "cosine" -> new EmbeddingCosineScorer(Embedder.shared(embeddingModel));
            case "reader" -> new ReaderSentenceScorer(overlap(questions),
                    dev.citeqa.answer.SentenceMeaning.of(Embedder.shared(embeddingModel)));
            case "reader-lexical" -> new ReaderSentenceScorer(overlap(questions), dev.citeqa.answer.SentenceMeaning.NONE);
            default -> throw new Problem("Unknown sentence scorer '" + name + "': use one of " + NAMES + ".");
        };
    }

    private static WordOverlapScorer overlap(List<WikiQaFile.Question> questions) {
        return WordOverlapScorer.over(questions.stream()
                .flatMap(q -> q.candidates().stream().map(WikiQaFile.Candidate::text)).toList());
    }
}
