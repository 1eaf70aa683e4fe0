package dev.citeqa.answer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The offline reader's learned weights: a logistic model that scores candidate units, and one that estimates whether
 * the documents answer at all, with its decline threshold, and one for whether the sentence after the best is
 * quoted too; each in two variants (with and without the embedding cosine). Learned by {@code ./chat train-reader} from SQuAD 2.0 train articles; the file carries its provenance.
 */
public final class ReaderModel {

    /** Where the shipped model lives on the classpath (src/main/resources/reader/). */
    public static final String RESOURCE = "reader/reader-model.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static volatile ReaderModel shipped;

    /** One logistic model: a weight per named signal, a bias, and for the answerability model its threshold. */
    public record Linear(Map<String, Double> weights, double bias, double threshold) {

        public double logit(List<String> names, double[] features) {
            double z = bias;
            for (int i = 0; i < names.size(); i++) {
                z += weights.getOrDefault(names.get(i), 0.0) * features[i];
            }
            return z;
        }

        public double probability(List<String> names, double[] features) {
            return 1 / (1 + Math.exp(-logit(names, features)));
        }
    }

    private final int version;
    private final Map<ReaderFeatures.Variant, Linear> sentence;
    private final Map<ReaderFeatures.Variant, Linear> answerable;
    private final Map<ReaderFeatures.Variant, Linear> following;
    private final JsonNode provenance;

    public ReaderModel(int version, Map<ReaderFeatures.Variant, Linear> sentence,
                       Map<ReaderFeatures.Variant, Linear> answerable, Map<ReaderFeatures.Variant, Linear> following,
                       JsonNode provenance) {
        this.version = version;
        this.sentence = Map.copyOf(sentence);
        this.answerable = Map.copyOf(answerable);
        this.following = Map.copyOf(following);
        this.provenance = provenance;
    }

    /** The model shipped in the jar. */
    public static ReaderModel shipped() {
        ReaderModel model = shipped;
        if (model == null) {
            try (InputStream in = ReaderModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The reader model " + RESOURCE + " is missing from the jar.");
                }
                model = read(JSON.readTree(in), RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shipped = model;
        }
        return model;
    }

    public static ReaderModel read(Path file) {
        try {
            return read(JSON.readTree(Files.readString(file)), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ReaderModel read(JsonNode root, String where) {
        int version = root.path("feature_version").asInt(-1);
        Map<ReaderFeatures.Variant, Linear> sentence = new LinkedHashMap<>();
        Map<ReaderFeatures.Variant, Linear> answerable = new LinkedHashMap<>();
        Map<ReaderFeatures.Variant, Linear> following = new LinkedHashMap<>();
        for (ReaderFeatures.Variant variant : ReaderFeatures.Variant.values()) {
            sentence.put(variant, linear(root.path("sentence").path(variant.key()), where, 0));
            answerable.put(variant, linear(root.path("answerable").path(variant.key()), where, 0.5));
            if (version >= 3) {
                following.put(variant, linear(root.path("following").path(variant.key()), where, 0.5));
            }
        }
        return new ReaderModel(version, sentence, answerable, following, root.path("provenance"));
    }

    private static Linear linear(JsonNode node, String where, double threshold) {
        if (!node.isObject() || !node.path("weights").isObject()) {
            throw new IllegalStateException("The reader model " + where + " lacks a model: retrain it with train-reader.");
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        node.path("weights").fields().forEachRemaining(e -> weights.put(e.getKey(), e.getValue().asDouble()));
        return new Linear(weights, node.path("bias").asDouble(), node.path("threshold").asDouble(threshold));
    }

    public void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("feature_version", version);
        root.set("provenance", provenance);
        ObjectNode s = root.putObject("sentence");
        ObjectNode a = root.putObject("answerable");
        ObjectNode f = root.putObject("following");
        for (ReaderFeatures.Variant variant : ReaderFeatures.Variant.values()) {
            s.set(variant.key(), node(sentence.get(variant), true));
            a.set(variant.key(), node(answerable.get(variant), true));
            f.set(variant.key(), node(following.get(variant), false));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, JSON.writeValueAsString(root) + "\n");
    }

    private static ObjectNode node(Linear linear, boolean threshold) {
        ObjectNode n = JSON.createObjectNode();
        ObjectNode w = n.putObject("weights");
        linear.weights().forEach((k, v) -> w.put(k, Math.round(v * 1e6) / 1e6));
        n.put("bias", Math.round(linear.bias() * 1e6) / 1e6);
        if (threshold) {
            n.put("threshold", Math.round(linear.threshold() * 1e6) / 1e6);
        }
        return n;
    }

    public int version() {
        return version;
    }

    public JsonNode provenance() {
        return provenance;
    }

    /**
     * The unit scorer. Its threshold is the short answer's gate: the least probability, the best unit's times its
     * phrase's, for the phrase to open the answer (0 in files without one).
     */
    public Linear sentence(ReaderFeatures.Variant variant) {
        return sentence.get(variant);
    }

    public Linear answerable(ReaderFeatures.Variant variant) {
        return answerable.get(variant);
    }

    /** The model of whether the sentence after the best one holds the answer (absent in files before version 3). */
    public Linear following(ReaderFeatures.Variant variant) {
        return following.get(variant);
    }
}
