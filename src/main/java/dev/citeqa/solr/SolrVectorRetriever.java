package dev.citeqa.solr;

import java.util.ArrayList;
import java.util.List;

import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;

import dev.citeqa.index.Embedder;
import dev.citeqa.index.Fields;
import dev.citeqa.retrieve.DenseRetriever;
import dev.citeqa.retrieve.RankedPassage;

/** Nearest passages to the question's embedding, by the collection's HNSW graphs ({@code {!knn}}). */
public final class SolrVectorRetriever implements DenseRetriever {

    private final SolrCollection collection;
    private final Embedder embedder;

    public SolrVectorRetriever(SolrCollection collection, Embedder embedder) {
        this.collection = collection;
        this.embedder = embedder;
    }

    @Override
    public boolean available() {
        return embedder.enabled();
    }

    @Override
    public List<RankedPassage> retrieve(String question, int k) {
        if (!collection.exists() || question.isBlank()) {
            return List.of();
        }
        float[] target = embedder.query(question);
        StringBuilder vector = new StringBuilder("[");
        for (int i = 0; i < target.length; i++) {
            vector.append(i == 0 ? "" : ",").append(target[i]);
        }
        // only passages carry a vector, so the graph search needs no filter
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("q", "{!knn f=" + Fields.VECTOR + " topK=" + k + "}" + vector.append(']'));
        SolrCollection.ranked(params, k);
        List<RankedPassage> hits = new ArrayList<>();
        int rank = 1;
        for (SolrDocument d : collection.query(params).getResults()) {
            hits.add(RankedPassage.byVector(SolrDocuments.passage(d), rank,
                    ((Number) d.getFirstValue("score")).doubleValue()));
            rank++;
        }
        return hits;
    }
}
