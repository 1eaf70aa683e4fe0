package dev.citeqa.answer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The short-answer chooser's learned weights: a logistic model over {@link ReaderFeatures#SHORT_ANSWER} that scores
 * each candidate phrase of the chosen sentence, and the probability below which no short answer is given. Learned by
 * {@code ./chat train-reader --short-answer-only} from the answer sentences of SQuAD 2.0 train articles; the file
 * carries its provenance. A sibling of {@link ReaderModel}'s file, so it is relearned without the sentence models.
 */
public final class ShortAnswerModel {

    /** Where the shipped model lives on the classpath (src/main/resources/reader/). */
    public static final String RESOURCE = "reader/short-answer-model.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static volatile ShortAnswerModel shipped;

    private final int version;
    private final ReaderModel.Linear chooser;
    private final JsonNode provenance;

    public ShortAnswerModel(int version, ReaderModel.Linear chooser, JsonNode provenance) {
        this.version = version;
        this.chooser = chooser;
        this.provenance = provenance;
    }

    /** The model shipped in the jar. */
    public static ShortAnswerModel shipped() {
        ShortAnswerModel model = shipped;
        if (model == null) {
            try (InputStream in = ShortAnswerModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The short-answer model " + RESOURCE + " is missing from the jar.");
                }
                model = read(JSON.readTree(in), RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shipped = model;
        }
        return model;
    }

    public static ShortAnswerModel read(Path file) {
        try {
            return read(JSON.readTree(Files.readString(file)), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ShortAnswerModel read(JsonNode root, String where) {
        JsonNode node = root.path("chooser");
        if (!node.isObject() || !node.path("weights").isObject()) {
            throw new IllegalStateException("The short-answer model " + where
                    + " lacks its chooser: retrain it with train-reader --short-answer-only.");
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        node.path("weights").fields().forEachRemaining(e -> weights.put(e.getKey(), e.getValue().asDouble()));
        return new ShortAnswerModel(root.path("feature_version").asInt(-1),
                new ReaderModel.Linear(weights, node.path("bias").asDouble(), node.path("threshold").asDouble(0.5)),
                root.path("provenance"));
    }

    public void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("feature_version", version);
        root.set("provenance", provenance);
        ObjectNode n = root.putObject("chooser");
        ObjectNode w = n.putObject("weights");
        chooser.weights().forEach((k, v) -> w.put(k, Math.round(v * 1e6) / 1e6));
        n.put("bias", Math.round(chooser.bias() * 1e6) / 1e6);
        n.put("threshold", Math.round(chooser.threshold() * 1e6) / 1e6);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(file, JSON.writeValueAsString(root) + "\n");
    }

    public int version() {
        return version;
    }

    public JsonNode provenance() {
        return provenance;
    }

    /** The candidate scorer; its threshold is the probability a short answer needs. */
    public ReaderModel.Linear chooser() {
        return chooser;
    }
}
