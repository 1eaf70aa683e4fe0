package dev.citeqa.retrieve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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

import dev.citeqa.index.Analysis;
import dev.citeqa.index.Fields;
import dev.citeqa.index.LuceneIndex;
import dev.citeqa.index.NameVariants;
import dev.citeqa.index.PassageDocuments;

/**
 * BM25 over passage text (and, lightly, titles). The question is analysed into terms and each becomes a term
 * query, so nothing a user types is read as Lucene query syntax. A name the corpus spells another way is searched
 * as one term with its variants (a {@link SynonymQuery}), so Dehghan finds passages that write Dehqan.
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
                hits.add(new RankedPassage(PassageDocuments.passage(stored.document(hit.doc)), rank, hit.score, rank,
                        hit.score, 0, Double.NaN, List.of()));
                rank++;
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inverse document frequency of each question term among passages (BM25's idf), with its name variants. */
    public TermWeights weights(String question) {
        List<String> terms = new ArrayList<>(new LinkedHashSet<>(Analysis.terms(question)));
        IndexSearcher searcher = index.searcher();
        if (searcher == null) {
            return TermWeights.uniform(terms);
        }
        Map<String, Double> idf = new LinkedHashMap<>();
        IndexReader reader = searcher.getIndexReader();
        Map<String, Set<String>> variants = variants(reader, question);
        try {
            long docs = Math.max(1, reader.getDocCount(Fields.TEXT));
            for (String term : terms) {
                int df = reader.docFreq(new Term(Fields.TEXT, term));
                for (String variant : variants.getOrDefault(term, Set.of())) {
                    df = Math.max(df, reader.docFreq(new Term(Fields.TEXT, variant)));
                }
                idf.put(term, Math.log(1 + (docs - df + 0.5) / (df + 0.5)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TermWeights(idf, variants);
    }

    /**
     * For each name-like question word (capitalised, or unknown to the index), the corpus terms that spell it
     * another way, keyed by the word's analysed term.
     */
    static Map<String, Set<String>> variants(IndexReader reader, String question) {
        Map<String, Set<String>> variants = new LinkedHashMap<>();
        try {
            Terms names = MultiTerms.getTerms(reader, Fields.NAME_VARIANTS);
            if (names == null) {
                return variants;
            }
            for (String word : NameVariants.words(question)) {
                List<String> analysed = Analysis.terms(word);
                String key = NameVariants.key(word);
                if (analysed.size() != 1 || key == null) {
                    continue;
                }
                String term = analysed.getFirst();
                boolean nameLike = Character.isUpperCase(word.charAt(0))
                        || reader.docFreq(new Term(Fields.TEXT, term)) == 0;
                if (!nameLike) {
                    continue;
                }
                TermsEnum tokens = names.iterator();
                String prefix = key + " ";
                if (tokens.seekCeil(new BytesRef(prefix)) == TermsEnum.SeekStatus.END) {
                    continue;
                }
                for (BytesRef token = tokens.term(); token != null; token = tokens.next()) {
                    String value = token.utf8ToString();
                    if (!value.startsWith(prefix)) {
                        break;
                    }
                    String corpusTerm = value.substring(prefix.length());
                    if (NameVariants.variant(word, term, corpusTerm)) {
                        variants.computeIfAbsent(term, t -> new LinkedHashSet<>()).add(corpusTerm);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return variants;
    }
}
