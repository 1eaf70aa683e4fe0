package dev.citeqa.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

class OnnxModelTest {

    private static final List<String> TEXTS = List.of(
            "Represent this sentence for searching relevant passages: where was the agreement signed?",
            "The two ministers signed the memorandum in Tehran on Tuesday.",
            "Rye bread sells out before noon on market days.");

    private static List<float[]> vectors(EmbeddingModel model) {
        return model.embedAll(TEXTS.stream().map(TextSegment::from).toList()).content().stream()
                .map(e -> e.vector()).toList();
    }

    @Test
    void theCachedOptimisedModelGivesTheVectorsOfTheModelInTheJar(@TempDir Path cache) throws Exception {
        List<float[]> expected = vectors(Embedder.named(Embedder.BGE_SMALL).loadFromJar());

        EmbeddingModel first = OnnxModel.load(cache, "bge-small-en-v1.5.onnx", "bge-small-en-v1.5-tokenizer.json",
                PoolingMode.CLS);
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("bge-small-en-v1.5-") && name.endsWith(".ort"))
                    .noneMatch(name -> name.startsWith("model-"));
        }
        EmbeddingModel again = OnnxModel.load(cache, "bge-small-en-v1.5.onnx", "bge-small-en-v1.5-tokenizer.json",
                PoolingMode.CLS);
        for (EmbeddingModel model : List.of(first, again)) {
            List<float[]> actual = vectors(model);
            for (int i = 0; i < TEXTS.size(); i++) {
                assertThat(actual.get(i)).hasSize(384).containsExactly(expected.get(i), Offset.offset(1e-4f));
            }
        }
        // the second load reads its weights from the mapped cache file: not a bit of a vector may change
        List<float[]> optimisedInMemory = vectors(first);
        List<float[]> mapped = vectors(again);
        for (int i = 0; i < TEXTS.size(); i++) {
            assertThat(mapped.get(i)).containsExactly(optimisedInMemory.get(i));
        }
    }

    @Test
    void aDamagedCachedModelIsMadeAgain(@TempDir Path cache) throws Exception {
        OnnxModel.load(cache, "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json", PoolingMode.MEAN);
        Path saved;
        try (Stream<Path> files = Files.list(cache)) {
            saved = files.filter(p -> p.toString().endsWith(".ort")).findFirst().orElseThrow();
        }
        Files.write(saved, new byte[] {1, 2, 3});
        EmbeddingModel model = OnnxModel.load(cache, "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json",
                PoolingMode.MEAN);
        assertThat(vectors(model).getFirst()).hasSize(384);
        assertThat(Files.size(saved)).isGreaterThan(1_000_000);
    }
}
