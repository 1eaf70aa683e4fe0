package dev.citeqa.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues;

import dev.citeqa.index.IndexCodec;

/**
 * Lucene's HNSW vector index built in several formats from the same vectors, to compare graph settings and
 * quantization by build time, size, search time and recall against an exact scan. The vectors are either a
 * model's embeddings of a corpus with embedded questions ({@link #of}), or stand-ins clustered like topics (points
 * scattered around random centres, {@link #standIn}) for sizes no model here can embed in time: recall on those is
 * indicative only, while time and size depend on count and dimensions more than on the values.
 */
final class VectorScale {

    static final String FIELD = "v";
    static final int K = 50;
    private static final int CENTRES = 1_000;
    private static final double SPREAD = 0.8;
    /** Questions whose recall is checked against an exact scan of every vector. */
    private static final int RECALL_QUESTIONS = 50;

    /** A vector format to compare, by its name in the report, searched for {@code width} candidates. */
    record Config(String name, KnnVectorsFormat format, int width) {
    }

    static List<Config> configs() {
        String graph = "M=" + IndexCodec.MAX_CONNECTIONS + ", beam " + IndexCodec.BEAM_WIDTH + ", search "
                + IndexCodec.SEARCH_WIDTH;
        return List.of(
                new Config("float32, M=16, beam 100, search " + K + " (Lucene's defaults; citeqa's index until "
                        + "2026-12-03)", new Lucene99HnswVectorsFormat(16, 100), K),
                new Config("float32, " + graph + " (citeqa's index)", IndexCodec.vectorFormat(),
                        IndexCodec.SEARCH_WIDTH),
                new Config("int8 scalar-quantized, " + graph, new Lucene104HnswScalarQuantizedVectorsFormat(
                        QuantizedByteVectorValues.ScalarEncoding.UNSIGNED_BYTE, IndexCodec.MAX_CONNECTIONS,
                        IndexCodec.BEAM_WIDTH), IndexCodec.SEARCH_WIDTH));
    }

    private final String kind;
    private final int count;
    private final IntFunction<float[]> documents;
    private final List<float[]> questions;

    private VectorScale(String kind, int count, IntFunction<float[]> documents, List<float[]> questions) {
        this.kind = kind;
        this.count = count;
        this.documents = documents;
        this.questions = List.copyOf(questions);
    }

    /** Real vectors: a corpus's passages and questions, embedded by the same model ({@code kind} names it). */
    static VectorScale of(String kind, List<float[]> documents, List<float[]> questions) {
        return new VectorScale(kind, documents.size(), documents::get, questions);
    }

    /** {@code count} stand-in vectors around random centres, and {@code questions} new points around the same. */
    static VectorScale standIn(int count, int questions, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] centres = new float[CENTRES][];
        for (int i = 0; i < CENTRES; i++) {
            centres[i] = unit(gaussian(random, 1.0));
        }
        IntFunction<float[]> vector = i -> standInVector(centres, seed, i);
        List<float[]> asked = new ArrayList<>();
        for (int q = 0; q < questions; q++) {
            asked.add(vector.apply(count + q));
        }
        return new VectorScale("stand-in vectors", count, vector, asked);
    }

    BenchReport.VectorIndexRun measure(Config config, Path folder) {
        Benchmark.deleteTree(folder);
        IndexWriterConfig settings = new IndexWriterConfig().setRAMBufferSizeMB(128)
                .setCodec(new Lucene104Codec() {
                    @Override
                    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                        return config.format();
                    }
                });
        long begin = System.nanoTime();
        try (FSDirectory directory = FSDirectory.open(folder)) {
            try (IndexWriter writer = new IndexWriter(directory, settings)) {
                for (int i = 0; i < count; i++) {
                    Document document = new Document();
                    document.add(new KnnFloatVectorField(FIELD, documents.apply(i), VectorSimilarityFunction.DOT_PRODUCT));
                    writer.addDocument(document);
                }
                writer.commit();
            }
            long buildMillis = (System.nanoTime() - begin) / 1_000_000;
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                int width = Math.max(K, config.width());
                for (float[] query : questions.subList(0, Math.min(50, questions.size()))) {
                    searcher.search(new KnnFloatVectorQuery(FIELD, query, width), K);
                }
                long[] nanos = new long[questions.size()];
                List<TopDocs> found = new ArrayList<>();
                for (int q = 0; q < questions.size(); q++) {
                    long start = System.nanoTime();
                    found.add(searcher.search(new KnnFloatVectorQuery(FIELD, questions.get(q), width), K));
                    nanos[q] = System.nanoTime() - start;
                }
                int checked = Math.min(RECALL_QUESTIONS, questions.size());
                double recall = 0;
                for (int q = 0; q < checked; q++) {
                    recall += recallAt10(found.get(q), questions.get(q), reader.maxDoc());
                }
                return new BenchReport.VectorIndexRun(config.name(), kind, count, buildMillis, Benchmark.bytes(folder),
                        Distribution.ofNanos(nanos), recall / Math.max(1, checked));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Share of the exact 10 nearest (by a full scan) that the index returned among its first 10. */
    private double recallAt10(TopDocs found, float[] query, int docs) {
        // doc ids equal insertion order: one writer, no deletes, segments kept in order
        int[] best = new int[10];
        double[] scores = new double[10];
        java.util.Arrays.fill(scores, Double.NEGATIVE_INFINITY);
        for (int doc = 0; doc < docs; doc++) {
            double score = dot(query, documents.apply(doc));
            if (score > scores[9]) {
                int at = 9;
                while (at > 0 && scores[at - 1] < score) {
                    scores[at] = scores[at - 1];
                    best[at] = best[at - 1];
                    at--;
                }
                scores[at] = score;
                best[at] = doc;
            }
        }
        Set<Integer> exact = new HashSet<>();
        for (int b : best) {
            exact.add(b);
        }
        int hits = 0;
        ScoreDoc[] top = found.scoreDocs;
        for (int i = 0; i < Math.min(10, top.length); i++) {
            if (exact.contains(top[i].doc)) {
                hits++;
            }
        }
        return hits / 10.0;
    }

    /** Stand-in vector {@code i}: a point scattered around one of the centres, the same for the same seed and index. */
    private static float[] standInVector(float[][] centres, long seed, int i) {
        SplittableRandom random = new SplittableRandom(seed * 31 + i);
        float[] centre = centres[random.nextInt(CENTRES)];
        float[] noise = gaussian(random, SPREAD / Math.sqrt(LangChainBaseline.DIMENSIONS));
        for (int d = 0; d < noise.length; d++) {
            noise[d] += centre[d];
        }
        return unit(noise);
    }

    private static float[] gaussian(SplittableRandom random, double sigma) {
        float[] v = new float[LangChainBaseline.DIMENSIONS];
        for (int d = 0; d < v.length; d++) {
            // Box-Muller: two uniforms give one normal deviate
            double u = 1 - random.nextDouble();
            v[d] = (float) (sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble()));
        }
        return v;
    }

    private static float[] unit(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        for (int d = 0; d < v.length; d++) {
            v[d] /= (float) norm;
        }
        return v;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += a[d] * b[d];
        }
        return sum;
    }
}
