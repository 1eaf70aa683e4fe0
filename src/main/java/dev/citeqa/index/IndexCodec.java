package dev.citeqa.index;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

/**
 * How the index is written: Lucene's default codec, passage vectors in float32 HNSW graphs. The bench compared
 * int8-quantized graphs on 105k real BGE vectors on a quiet machine: the same recall@10 and search time within 5%,
 * and 25% more disk (the floats are kept beside the bytes), so quantization is left out until vectors outgrow
 * memory (docs/performance.md).
 */
public final class IndexCodec {

    /**
     * Graph neighbours per node and candidates kept while building: twice Lucene's defaults (16, 100). On 100,000
     * real embeddings (all-minilm-l6-v2 of the bench's generated corpus, 200 questions), the default graph searched
     * for 50 found 0.845 of the exact top 10 and needed 1,500 candidates (16.6 ms of CPU) to pass 0.99; this graph
     * finds 0.993 searching {@link #SEARCH_WIDTH} (11.2 ms), where an exact scan took 34 ms (docs/performance.md).
     * Building it costs about twice as much, small beside embedding the passages.
     */
    public static final int MAX_CONNECTIONS = 32;
    public static final int BEAM_WIDTH = 200;
    /** Candidates a vector search collects in the graph before the best k are kept (k when k is larger). */
    public static final int SEARCH_WIDTH = 400;

    private IndexCodec() {
    }

    public static KnnVectorsFormat vectorFormat() {
        return new Lucene99HnswVectorsFormat(MAX_CONNECTIONS, BEAM_WIDTH);
    }

    public static Codec codec() {
        KnnVectorsFormat vectors = vectorFormat();
        return new Lucene104Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return vectors;
            }
        };
    }
}
