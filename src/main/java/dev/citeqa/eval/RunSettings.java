package dev.citeqa.eval;

/**
 * What a run was made with, for people reading report.md and the HTML page (report.json keeps its fixed names).
 *
 * @param started   when the run began (ISO-8601)
 * @param docs      the documents folder
 * @param retrieval the retrieval mode and depth, e.g. "bm25, top 5"
 */
public record RunSettings(String started, String docs, String retrieval) {
}
