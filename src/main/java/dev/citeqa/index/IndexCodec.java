package dev.citeqa.index;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

/**
 * How the index is written: Lucene's default codec, passage vectors in float32 HNSW graphs with Lucene's default
 * settings. The bench compared int8-quantized graphs on 105k real BGE vectors on a quiet machine: the same
 * recall@10 and search time within 5%, and 25% more disk (the floats are kept beside the bytes), so quantization
 * is left out until vectors outgrow memory (docs/performance.md).
 */
public final class IndexCodec {

    /** Graph neighbours per node and candidates kept while building. */
    public static final int MAX_CONNECTIONS = 16;
    public static final int BEAM_WIDTH = 100;

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
