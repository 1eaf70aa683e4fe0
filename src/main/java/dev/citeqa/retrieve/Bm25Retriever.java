package dev.citeqa.retrieve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

import dev.citeqa.index.Fields;
import dev.citeqa.index.LuceneIndex;
import dev.citeqa.index.PassageDocuments;

/**
 * BM25 over passage text (and, lightly, titles). The question is analysed into terms and each becomes a term
 * query, so nothing a user types is read as Lucene query syntax. A name the corpus spells another way is searched
 * as one term with its variants (a {@link SynonymQuery}), so Dehghan finds passages that write Dehqan.
 */
public final class Bm25Retriever implements LexicalRetriever {

    private static final float TITLE_BOOST = 0.3f;

    private final LuceneIndex index;

    public Bm25Retriever(LuceneIndex index) {
        this.index = index;
    }

    @Override
    public List<RankedPassage> retrieve(String question, int k) {
        IndexSearcher searcher = index.searcher();
        List<String> terms = QuestionTerms.terms(question);
        if (searcher == null || terms.isEmpty()) {
            return List.of();
        }
        Map<String, Set<String>> variants = variants(searcher.getIndexReader(), question);
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (String term : terms) {
            Set<String> spellings = variants.getOrDefault(term, Set.of());
            if (spellings.isEmpty()) {
                builder.add(new TermQuery(new Term(Fields.TEXT, term)), BooleanClause.Occur.SHOULD);
            } else {
                SynonymQuery.Builder synonyms = new SynonymQuery.Builder(Fields.TEXT).addTerm(new Term(Fields.TEXT, term));
                spellings.forEach(v -> synonyms.addTerm(new Term(Fields.TEXT, v)));
                builder.add(synonyms.build(), BooleanClause.Occur.SHOULD);
            }
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
                hits.add(RankedPassage.byBm25(PassageDocuments.passage(stored.document(hit.doc)), rank, hit.score));
                rank++;
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public TermWeights weights(String question) {
        IndexSearcher searcher = index.searcher();
        if (searcher == null) {
            return TermWeights.uniform(QuestionTerms.terms(question));
        }
        return QuestionTerms.weights(new ReaderStatistics(searcher.getIndexReader()), question);
    }

    static Map<String, Set<String>> variants(IndexReader reader, String question) {
        return QuestionTerms.variants(new ReaderStatistics(reader), question);
    }

    /** Term statistics read from the index's own term dictionaries. */
    private record ReaderStatistics(IndexReader reader) implements TermStatistics {

        @Override
        public long passageCount() {
            try {
                return reader.getDocCount(Fields.TEXT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Map<String, Long> docFreqs(Collection<String> terms) {
            Map<String, Long> df = new LinkedHashMap<>();
            try {
                for (String term : terms) {
                    df.put(term, (long) reader.docFreq(new Term(Fields.TEXT, term)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return df;
        }

        @Override
        public Map<String, List<String>> spellings(Collection<String> keys) {
            Map<String, List<String>> spellings = new LinkedHashMap<>();
            try {
                Terms names = MultiTerms.getTerms(reader, Fields.NAME_VARIANTS);
                if (names == null) {
                    return spellings;
                }
                for (String key : new LinkedHashSet<>(keys)) {
                    TermsEnum tokens = names.iterator();
                    String prefix = key + " ";
                    if (tokens.seekCeil(new BytesRef(prefix)) == TermsEnum.SeekStatus.END) {
                        continue;
                    }
                    List<String> found = new ArrayList<>();
                    for (BytesRef token = tokens.term(); token != null; token = tokens.next()) {
                        String value = token.utf8ToString();
                        if (!value.startsWith(prefix)) {
                            break;
                        }
                        found.add(value.substring(prefix.length()));
                    }
                    spellings.put(key, found);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return spellings;
        }
    }
}
