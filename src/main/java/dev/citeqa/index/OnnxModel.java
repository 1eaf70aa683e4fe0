package dev.citeqa.index;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import dev.citeqa.ingest.Hashes;

/**
 * Loads an in-jar ONNX embedding model the quick way after the first time. LangChain4j's own constructor reads the
 * model out of the jar into the heap, lets ONNX Runtime parse and optimise its graph, and extracts ONNX Runtime's
 * native library into a new temporary folder, all on every start. Here the first load saves the optimised graph in
 * ONNX Runtime's own format (which it maps without parsing) and the native library under ~/.citeqa, and later loads
 * read both from there. The vectors are the same (EmbedderTest compares them).
 */
final class OnnxModel {

    /** Where models and native libraries are kept between runs; shared by every index of the user. */
    static Path cacheFolder() {
        return Path.of(System.getProperty("user.home"), ".citeqa", "models");
    }

    private OnnxModel() {
    }

    /**
     * The model stored in the jar as {@code modelResource} with its tokenizer, from the cache in {@code cache}
     * (made on the first load).
     */
    static EmbeddingModel load(Path cache, String modelResource, String tokenizerResource, PoolingMode pooling)
            throws IOException, OrtException {
        URL model = resource(modelResource);
        useCachedNativeLibrary(cache);
        // the jar's name carries the model's version: another version gets a file of its own
        Path optimised = cache.resolve(modelResource.replaceFirst("\\.onnx$", "") + "-"
                + Hashes.shortHash(model.toString()) + ".ort");
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession session = null;
        MappedByteBuffer mapped = null;
        if (Files.isRegularFile(optimised)) {
            try (FileChannel file = FileChannel.open(optimised); OrtSession.SessionOptions options = options()) {
                // optimised when saved; what is left to do at load needs no graph rewriting
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
                // The weights are used where the file is mapped instead of being copied twice (into a buffer, then
                // into tensors): the session is made in about half the time (bge-small: 0.17 s instead of 0.38 s),
                // with the same vectors. The mapping must live as long as the session: Loaded keeps it.
                options.addConfigEntry("session.use_ort_model_bytes_directly", "1");
                options.addConfigEntry("session.use_ort_model_bytes_for_initializers", "1");
                mapped = file.map(FileChannel.MapMode.READ_ONLY, 0, file.size());
                session = environment.createSession(mapped, options);
            } catch (OrtException e) {
                mapped = null;
                Files.deleteIfExists(optimised); // damaged: made again below
            }
        }
        if (session == null) {
            byte[] bytes;
            try (InputStream in = model.openStream()) {
                bytes = in.readAllBytes();
            }
            Files.createDirectories(cache);
            Path partial = Files.createTempFile(cache, "model-", ".ort");
            try (OrtSession.SessionOptions options = options()) {
                // extended, not all: the layout rewrites of "all" are specific to the CPU they ran on
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.EXTENDED_OPT);
                options.setOptimizedModelFilePath(partial.toString());
                session = environment.createSession(bytes, options);
            }
            moveInPlace(partial, optimised);
        }
        try (InputStream tokenizer = resource(tokenizerResource).openStream()) {
            return new Loaded(new OnnxBertBiEncoder(environment, session, tokenizer, pooling), mapped);
        }
    }

    /**
     * One thread per run: LangChain4j already embeds a batch's texts in parallel, one per core, and ONNX Runtime's
     * own pool of a thread per core on top of that made the threads wait on each other (12 sentences on 2 cores:
     * 0.50 s of CPU with the default pool, 0.33 s with one thread per run; the same vectors).
     */
    private static OrtSession.SessionOptions options() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        return options;
    }

    /**
     * ONNX Runtime copies its native library (17 MB) out of its jar into a new temporary folder at every start unless
     * told where one is: it is copied once into the cache and found there from then on.
     */
    private static void useCachedNativeLibrary(Path cache) throws IOException {
        if (System.getProperty("onnxruntime.native.path") != null) {
            return;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String platform = (os.contains("linux") ? "linux" : os.contains("mac") ? "osx" : "other") + "-"
                + (arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch);
        String[] names = {System.mapLibraryName("onnxruntime"), System.mapLibraryName("onnxruntime4j_jni")};
        URL first = OrtEnvironment.class.getClassLoader().getResource("ai/onnxruntime/native/" + platform + "/" + names[0]);
        if (first == null) {
            return; // not a platform the jar carries: ONNX Runtime finds its library its own way
        }
        Path folder = cache.resolve("onnxruntime-" + platform + "-" + Hashes.shortHash(first.toString()));
        for (String name : names) {
            Path target = folder.resolve(name);
            if (Files.isRegularFile(target)) {
                continue;
            }
            URL library = OrtEnvironment.class.getClassLoader().getResource("ai/onnxruntime/native/" + platform + "/" + name);
            if (library == null) {
                return;
            }
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, "lib-", ".part");
            try (InputStream in = library.openStream()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            moveInPlace(partial, target);
        }
        System.setProperty("onnxruntime.native.path", folder.toString());
    }

    /** Several processes may fill the cache at once: each writes its own file and moves it in whole. */
    private static void moveInPlace(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static URL resource(String name) throws IOException {
        URL url = OnnxModel.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IOException(name + " is not in the jar");
        }
        return url;
    }

    /** LangChain4j's embedding model around an encoder made here (batching and threads are LangChain4j's). */
    private static final class Loaded extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;
        /** The cached model file the session reads its weights from, or null: never unmapped while in use. */
        @SuppressWarnings({"unused", "FieldCanBeLocal"})
        private final MappedByteBuffer weights;

        Loaded(OnnxBertBiEncoder encoder, MappedByteBuffer weights) {
            super(null);
            this.encoder = encoder;
            this.weights = weights;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }
    }
}
