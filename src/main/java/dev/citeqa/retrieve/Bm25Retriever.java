package dev.citeqa.retrieve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.index.StoredFields;

import dev.citeqa.index.Analysis;
import dev.citeqa.index.Fields;
import dev.citeqa.index.LuceneIndex;
import dev.citeqa.index.PassageDocuments;

/**
 * BM25 over passage text (and, lightly, titles). The question is analysed into terms and each becomes a term
 * query, so nothing a user types is read as Lucene query syntax.
 */
public final class Bm25Retriever implements Retriever {

    private static final float TITLE_BOOST = 0.3f;

    private final LuceneIndex index;

    public Bm25Retriever(LuceneIndex index) {
        this.index = index;
    }

    @Override
    public List<RankedPassage> retrieve(String question, int k) {
        IndexSearcher searcher = index.searcher();
        List<String> terms = new ArrayList<>(new LinkedHashSet<>(Analysis.terms(question)));
        if (searcher == null || terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (String term : terms) {
            builder.add(new TermQuery(new Term(Fields.TEXT, term)), BooleanClause.Occur.SHOULD);
            builder.add(new BoostQuery(new TermQuery(new Term(Fields.TITLE, term)), TITLE_BOOST),
                    BooleanClause.Occur.SHOULD);
        }
        Query query = new BooleanQuery.Builder()
                .add(builder.build(), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)), BooleanClause.Occur.FILTER)
                .build();
        try {
            TopDocs top = searcher.search(query, k);
            StoredFields stored = searcher.storedFields();
            List<RankedPassage> hits = new ArrayList<>(top.scoreDocs.length);
            int rank = 1;
            for (ScoreDoc hit : top.scoreDocs) {
                hits.add(new RankedPassage(PassageDocuments.passage(stored.document(hit.doc)), rank, hit.score, rank,
                        hit.score, 0, Double.NaN, List.of()));
                rank++;
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inverse document frequency of each question term among passages (BM25's idf). */
    public TermWeights weights(String question) {
        List<String> terms = new ArrayList<>(new LinkedHashSet<>(Analysis.terms(question)));
        IndexSearcher searcher = index.searcher();
        if (searcher == null) {
            return TermWeights.uniform(terms);
        }
        Map<String, Double> idf = new LinkedHashMap<>();
        try {
            long docs = Math.max(1, searcher.getIndexReader().getDocCount(Fields.TEXT));
            for (String term : terms) {
                int df = searcher.getIndexReader().docFreq(new Term(Fields.TEXT, term));
                idf.put(term, Math.log(1 + (docs - df + 0.5) / (df + 0.5)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TermWeights(idf);
    }
}
