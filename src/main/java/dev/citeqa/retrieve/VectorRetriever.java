package dev.citeqa.retrieve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

import dev.citeqa.index.Embedder;
import dev.citeqa.index.Fields;
import dev.citeqa.index.IndexCodec;
import dev.citeqa.index.LuceneIndex;
import dev.citeqa.index.PassageDocuments;

/** Nearest passages to the question's embedding, from the vectors stored in the Lucene index. */
public final class VectorRetriever implements DenseRetriever {

    private final LuceneIndex index;
    private final Embedder embedder;

    public VectorRetriever(LuceneIndex index, Embedder embedder) {
        this.index = index;
        this.embedder = embedder;
    }

    @Override
    public boolean available() {
        return embedder.enabled();
    }

    @Override
    public boolean ready() {
        return index.passagesWithoutVector() == 0;
    }

    @Override
    public List<RankedPassage> retrieve(String question, int k) {
        IndexSearcher searcher = index.searcher();
        if (searcher == null || question.isBlank()) {
            return List.of();
        }
        float[] target = embedder.query(question);
        // Only passages carry a vector, so the graph search needs no filter (a filter costs a bitset per segment).
        // The graph is searched wider than k, for recall (IndexCodec.SEARCH_WIDTH), and the best k are kept.
        KnnFloatVectorQuery query = new KnnFloatVectorQuery(Fields.VECTOR, target,
                Math.max(k, IndexCodec.SEARCH_WIDTH));
        try {
            TopDocs top = searcher.search(query, k);
            StoredFields stored = searcher.storedFields();
            List<RankedPassage> hits = new ArrayList<>(top.scoreDocs.length);
            int rank = 1;
            for (ScoreDoc hit : top.scoreDocs) {
                hits.add(RankedPassage.byVector(PassageDocuments.passage(stored.document(hit.doc)), rank, hit.score));
                rank++;
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
