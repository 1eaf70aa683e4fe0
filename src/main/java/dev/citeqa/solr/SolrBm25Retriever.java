package dev.citeqa.solr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;

import dev.citeqa.index.Fields;
import dev.citeqa.retrieve.LexicalRetriever;
import dev.citeqa.retrieve.QuestionTerms;
import dev.citeqa.retrieve.RankedPassage;
import dev.citeqa.retrieve.TermStatistics;
import dev.citeqa.retrieve.TermWeights;

/**
 * BM25 on the collection, built the way the embedded retriever builds it ({@link QuestionTerms}): each analysed
 * question term is a term query on the text and a 0.3-weighted one on the title, a name is searched with its
 * corpus spellings as one term (a SynonymQuery, made by the query analyzer of the configset's text_en). Terms travel
 * as request parameters that the term and field parsers read as values, never as syntax, so nothing a user types is
 * read as Solr query syntax; they are analysed terms, which hold no space and no '|'.
 */
public final class SolrBm25Retriever implements LexicalRetriever {

    /** As the embedded retriever's title weight. */
    private static final String TITLE_BOOST = "0.3";

    private final SolrCollection collection;
    private final TermStatistics statistics;

    public SolrBm25Retriever(SolrCollection collection) {
        this.collection = collection;
        this.statistics = new CollectionStatistics(collection);
    }

    @Override
    public List<RankedPassage> retrieve(String question, int k) {
        List<String> terms = QuestionTerms.terms(question);
        if (!collection.exists() || terms.isEmpty()) {
            return List.of();
        }
        Map<String, Set<String>> variants = QuestionTerms.variants(statistics, question);
        ModifiableSolrParams params = SolrCollection.passages();
        StringBuilder q = new StringBuilder("{!bool");
        for (int i = 0; i < terms.size(); i++) {
            String term = terms.get(i);
            params.set("t" + i, term);
            Set<String> spellings = variants.getOrDefault(term, Set.of());
            if (spellings.isEmpty()) {
                params.set("c" + i, "{!term f=" + Fields.TEXT + " v=$t" + i + "}");
            } else {
                // one position holding every spelling: the field's query analyzer stacks them into a SynonymQuery
                params.set("s" + i, term + "|" + String.join("|", spellings));
                params.set("c" + i, "{!field f=" + Fields.TEXT + " v=$s" + i + "}");
            }
            params.set("h" + i, "{!term f=" + Fields.TITLE + " v=$t" + i + "}");
            params.set("b" + i, "{!boost b=" + TITLE_BOOST + " v=$h" + i + "}");
            q.append(" should=$c").append(i).append(" should=$b").append(i);
        }
        params.set("q", q.append('}').toString());
        SolrCollection.ranked(params, k);
        List<RankedPassage> hits = new ArrayList<>();
        int rank = 1;
        for (SolrDocument d : collection.query(params).getResults()) {
            double score = ((Number) d.getFirstValue("score")).doubleValue();
            hits.add(RankedPassage.byBm25(SolrDocuments.passage(d), rank, score));
            rank++;
        }
        return hits;
    }

    @Override
    public TermWeights weights(String question) {
        if (!collection.exists()) {
            return TermWeights.uniform(QuestionTerms.terms(question));
        }
        return QuestionTerms.weights(statistics, question);
    }

    /** Document frequencies as facet counts among passages, all of a question's terms in one request. */
    private record CollectionStatistics(SolrCollection collection) implements TermStatistics {

        @Override
        public long passageCount() {
            return collection.query(SolrCollection.counting(SolrCollection.passages())).getResults().getNumFound();
        }

        @Override
        public Map<String, Long> docFreqs(Collection<String> terms) {
            return lookup(terms, List.of()).docFreqs();
        }

        @Override
        public Map<String, List<String>> spellings(Collection<String> keys) {
            return lookup(List.of(), keys).spellings();
        }

        /**
         * Document frequencies as facet queries among passages, the spellings filed under each key as a prefix
         * facet on the name-variant tokens (which only passages have): one request for both.
         */
        @Override
        public Lookup lookup(Collection<String> terms, Collection<String> keys) {
            List<String> asked = List.copyOf(new LinkedHashSet<>(terms));
            List<String> askedKeys = List.copyOf(new LinkedHashSet<>(keys));
            Map<String, Long> df = new LinkedHashMap<>();
            Map<String, List<String>> spellings = new LinkedHashMap<>();
            if (asked.isEmpty() && askedKeys.isEmpty()) {
                return new Lookup(df, spellings);
            }
            ModifiableSolrParams params = SolrCollection.counting(SolrCollection.passages());
            params.set("facet", true);
            for (int i = 0; i < asked.size(); i++) {
                params.set("d" + i, asked.get(i));
                params.add("facet.query", "{!term f=" + Fields.TEXT + " v=$d" + i + " key=d" + i + "}");
            }
            if (!askedKeys.isEmpty()) {
                params.set("facet.limit", -1);
                params.set("facet.mincount", 1);
                params.set("facet.sort", "index");
                // enum walks only the terms under the prefix; the default (doc values) read every passage's tokens
                // once per key: at 100k passages 2 x 2, 10 ms of the nodes' CPU for a question against 2.5 ms.
                // Each term's count is read from its postings, not kept in the filter cache.
                params.set("facet.enum.cache.minDf", Integer.MAX_VALUE);
            }
            for (int i = 0; i < askedKeys.size(); i++) {
                params.set("p" + i, askedKeys.get(i) + " ");
                params.add("facet.field", "{!key=k" + i + " facet.prefix=$p" + i + " facet.method=enum}"
                        + Fields.NAME_VARIANTS);
            }
            QueryResponse response = collection.query(params);
            Map<String, Integer> counts = response.getFacetQuery();
            for (int i = 0; i < asked.size(); i++) {
                df.put(asked.get(i), (long) counts.getOrDefault("d" + i, 0));
            }
            for (int i = 0; i < askedKeys.size(); i++) {
                FacetField field = response.getFacetField("k" + i);
                List<String> found = new ArrayList<>();
                if (field != null) {
                    String prefix = askedKeys.get(i) + " ";
                    for (FacetField.Count count : field.getValues()) {
                        found.add(count.getName().substring(prefix.length()));
                    }
                }
                spellings.put(askedKeys.get(i), found);
            }
            return new Lookup(df, spellings);
        }
    }
}
