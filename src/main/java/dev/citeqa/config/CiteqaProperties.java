package dev.citeqa.config;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of the product, bound once from application.yml, the environment ({@code CITEQA_...})
 * and the command line ({@code --citeqa.x=y} or the short forms the launcher maps, such as {@code --docs}).
 */
@ConfigurationProperties("citeqa")
public record CiteqaProperties(
        @DefaultValue("seeds") Path docs,
        Path data,
        @DefaultValue Ingest ingest,
        @DefaultValue Retrieval retrieval,
        @DefaultValue Answer answer) {

    public CiteqaProperties {
        Settings.require(docs != null && !docs.toString().isBlank(), "citeqa.docs", "a folder of documents");
    }

    /** How files become passages. */
    public record Ingest(
            @DefaultValue("3") int passageSentences,
            @DefaultValue("900") int maxPassageChars,
            @DefaultValue({"txt", "md", "markdown", "html", "htm", "pdf"}) List<String> extensions,
            @DefaultValue("false") boolean followLinks,
            @DefaultValue("64") int maxFileMb) {
        public Ingest {
            Settings.require(passageSentences >= 1 && passageSentences <= 50,
                    "citeqa.ingest.passage-sentences", "a whole number from 1 to 50");
            Settings.require(maxPassageChars >= 100 && maxPassageChars <= 20_000,
                    "citeqa.ingest.max-passage-chars", "a whole number from 100 to 20000");
            Settings.require(maxFileMb >= 1 && maxFileMb <= 2_000, "citeqa.ingest.max-file-mb",
                    "a whole number of megabytes from 1 to 2000");
        }

        /** The settings application.yml ships with, for code that runs without Spring (tools, tests). */
        public static Ingest defaults() {
            return new Ingest(3, 900, List.of("txt", "md", "markdown", "html", "htm", "pdf"), false, 64);
        }
    }

    /** How passages are found for a question. */
    public record Retrieval(
            @DefaultValue("5") int topK,
            @DefaultValue("bm25") String mode,
            @DefaultValue("60") int rrfK,
            @DefaultValue("50") int candidates) {
        public Retrieval {
            Settings.require(topK >= 1 && topK <= 100, "citeqa.retrieval.top-k", "a whole number from 1 to 100");
            Settings.require(rrfK >= 1, "citeqa.retrieval.rrf-k", "a whole number of 1 or more");
            Settings.require(candidates >= topK, "citeqa.retrieval.candidates", "a whole number no smaller than top-k");
        }
    }

    /** How the answer is written. */
    public record Answer(
            @DefaultValue("extractive") String provider,
            @DefaultValue("3") int maxSentences,
            @DefaultValue("0.5") double minCoverage) {
        public Answer {
            Settings.require(List.of("extractive").contains(provider), "citeqa.answer.provider",
                    "one of: extractive");
            Settings.require(maxSentences >= 1 && maxSentences <= 10,
                    "citeqa.answer.max-sentences", "a whole number from 1 to 10");
            Settings.require(minCoverage > 0 && minCoverage <= 1,
                    "citeqa.answer.min-coverage", "a number above 0 and at most 1");
        }
    }
}
