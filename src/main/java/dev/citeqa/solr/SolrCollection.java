package dev.citeqa.solr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.ContentStreamBase;
import org.apache.solr.common.util.NamedList;

import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.config.Problem;
import dev.citeqa.index.Fields;

/**
 * One collection on the SolrCloud nodes: found at open (which is when an unreachable cluster is reported), and
 * created with the project's configset by the first index run when it does not exist.
 */
public final class SolrCollection implements AutoCloseable {

    private final SolrNodes nodes;
    private final CiteqaProperties.Solr settings;
    private volatile boolean exists;

    /** Connects and looks the collection up; a cluster that cannot be reached is a {@link Problem}. */
    public SolrCollection(CiteqaProperties.Solr settings, Consumer<String> notices) {
        this.settings = settings;
        this.nodes = new SolrNodes(settings.urls(), settings.timeout(), notices);
        try {
            this.exists = collections().contains(settings.collection());
        } catch (RuntimeException e) {
            nodes.close();
            throw e;
        }
    }

    public String name() {
        return settings.collection();
    }

    public List<String> urls() {
        return nodes.urls();
    }

    boolean exists() {
        return exists;
    }

    @SuppressWarnings("unchecked")
    private List<String> collections() {
        NamedList<Object> response = nodes.request(new CollectionAdminRequest.List(), null);
        Object names = response.get("collections");
        return names instanceof List<?> list ? (List<String>) list : List.of();
    }

    /**
     * Creates the collection with the configset for vectors of this dimension (0: not known, no vectors), uploading
     * the configset first when the cluster does not have it; an existing collection must have been made for the
     * same dimension.
     */
    synchronized void ensure(int dimension) {
        // a collection made before any vector was known takes the dimension of the in-jar models
        SolrConfigset configset = new SolrConfigset(dimension == 0 ? 384 : dimension);
        if (exists && dimension == 0) {
            return;
        }
        if (exists) {
            String config = configName();
            if (config != null && config.startsWith("citeqa-") && !config.equals(configset.name())) {
                throw new Problem("The Solr collection " + name() + " was made with the configset " + config
                        + ", not " + configset.name() + " (another embedding model or layout): pass another "
                        + "--citeqa.solr.collection, or delete that collection.");
            }
            return;
        }
        List<String> configsets = configsets();
        if (!configsets.contains(configset.name())) {
            ConfigSetAdminRequest.Upload upload = new ConfigSetAdminRequest.Upload()
                    .setConfigSetName(configset.name())
                    .setUploadStream(new ContentStreamBase.ByteArrayStream(configset.zip(), configset.name() + ".zip",
                            "application/octet-stream"));
            nodes.admin(upload, "uploading the configset " + configset.name());
        }
        CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection(name(), configset.name(),
                settings.shards(), settings.replicas());
        create.setWaitForFinalState(true);
        try {
            nodes.admin(create, "creating the collection " + name());
        } catch (SolrException e) {
            if (!collections().contains(name())) {
                throw new Problem("Could not create the Solr collection " + name() + " (" + e.getMessage()
                        + "): check that the cluster has room for " + settings.shards() + " shards x "
                        + settings.replicas() + " replicas (citeqa.solr.shards, citeqa.solr.replicas).", e);
            }
        }
        exists = true;
    }

    @SuppressWarnings("unchecked")
    private List<String> configsets() {
        NamedList<Object> response = nodes.request(new ConfigSetAdminRequest.List(), null);
        Object names = response.get("configSets");
        return names instanceof List<?> list ? (List<String>) list : List.of();
    }

    /** The configset the collection was made with. */
    @SuppressWarnings("unchecked")
    String configName() {
        NamedList<Object> response = nodes.request(
                CollectionAdminRequest.getClusterStatus().setCollectionName(name()), null);
        Object collection = response.findRecursive("cluster", "collections", name());
        if (collection instanceof Map<?, ?> map) {
            return (String) map.get("configName");
        }
        if (collection instanceof NamedList<?> list) {
            return (String) list.get("configName");
        }
        return null;
    }

    /** A search of the collection, sent as POST so long queries (vectors, many hashes) fit. */
    QueryResponse query(ModifiableSolrParams params) {
        QueryRequest request = new QueryRequest(params, SolrRequest.METHOD.POST);
        return new QueryResponse(nodes.request(request, name()), null);
    }

    /** Every document matching the query, fetched in pages with a cursor (the sort must end on the id). */
    List<SolrDocument> all(ModifiableSolrParams params, String sort) {
        List<SolrDocument> found = new ArrayList<>();
        if (!exists) {
            return found;
        }
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            ModifiableSolrParams page = new ModifiableSolrParams(params);
            page.set("rows", 1000);
            page.set("sort", sort);
            page.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse response = query(page);
            SolrDocumentList docs = response.getResults();
            found.addAll(docs);
            String nextCursor = response.getNextCursorMark();
            if (docs.isEmpty() || nextCursor == null || nextCursor.equals(cursor)) {
                return found;
            }
            cursor = nextCursor;
        }
    }

    NamedList<Object> send(SolrRequest<?> request) {
        return nodes.request(request, name());
    }

    /**
     * A query for one exact value of a field. The term parser takes everything after its closing brace as the
     * value, unparsed, so a file name or id never meets query syntax.
     */
    static String term(String field, String value) {
        return "{!term f=" + field + "}" + value;
    }

    /** Parameters of a search among passages only (not file or collection records). */
    static ModifiableSolrParams passages() {
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.add("fq", term(Fields.KIND, Fields.KIND_PASSAGE));
        return params;
    }

    /**
     * A request for counts only: no rows, in index order, so that the shards are not first asked for the term
     * statistics of a score nobody reads (ExactStatsCache does that for every query sorted by score).
     */
    static ModifiableSolrParams counting(ModifiableSolrParams params) {
        params.set("q", "*:*");
        params.set("rows", 0);
        params.set("sort", "_docid_ asc");
        return params;
    }

    /**
     * The top {@code rows} passages with their scores, in one pass: each shard sends its best passages whole with
     * its ids and scores, instead of ids first and the passages the merge kept in a second round of requests (one
     * round trip to every shard less; at 100k passages 2 x 2 the kNN request took 24 instead of 30 ms of the
     * nodes' CPU).
     */
    static void ranked(ModifiableSolrParams params, int rows) {
        params.set("fl", SolrDocuments.PASSAGE_FIELDS + ",score");
        params.set("rows", rows);
        params.set("distrib.singlePass", true);
    }

    @Override
    public void close() {
        nodes.close();
    }
}
