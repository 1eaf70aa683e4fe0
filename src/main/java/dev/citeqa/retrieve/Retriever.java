package dev.citeqa.retrieve;

import java.util.List;

/** Finds the passages that best match a question, best first. */
public interface Retriever {

    List<RankedPassage> retrieve(String question, int k);
}
