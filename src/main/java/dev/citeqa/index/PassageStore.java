package dev.citeqa.index;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.citeqa.ingest.IngestedFile;
import dev.citeqa.ingest.Passage;

/**
 * Where passages are kept. The embedded Lucene index is the default; a distributed engine can implement the same
 * contract when a document set outgrows one machine.
 */
public interface PassageStore extends AutoCloseable {

    /** Where the passages are, for the user: the index folder, or the collection and its nodes. */
    default String location() {
        return getClass().getSimpleName();
    }

    /**
     * A line for the user, once, about something the store did on its own (an index rebuilt, a node found down),
     * or empty.
     */
    default Optional<String> takeRecoveryNote() {
        return Optional.empty();
    }

    /** Indexed files by name. */
    Map<String, StoredFile> files();

    Optional<Passage> passage(String id);

    List<Passage> passages(String file);

    int passageCount();

    /**
     * Whether passages may be stored without their vector and found again by {@link #passagesWithoutVector(int)}, to
     * be embedded after their text is searchable (VectorBackfill). A store that cannot gets each vector with its
     * passage.
     */
    default boolean storesWithoutVector() {
        return true;
    }

    /** How many passages have no vector yet. */
    int passagesWithoutVector();

    /** Up to {@code max} passages that have no vector yet. */
    List<Passage> passagesWithoutVector(int max);

    /** The embedding model of the stored vectors ("none" when passages have none), or null for an empty store. */
    String embeddingModel();

    /**
     * Stored vectors of passages by the SHA-256 of their text, for the hashes that have one computed by
     * {@code model}.
     */
    Map<String, float[]> vectors(Collection<String> textHashes, String model);

    /** Starts a set of changes that become visible together, or not at all, when committed. */
    Changes change();

    /** A batch of changes. Closing it without {@link #commit()} discards it. */
    interface Changes extends AutoCloseable {

        /**
         * Replaces everything stored for the file with these passages, each with its vector (the list is empty
         * when no embedding model is configured; a null vector is computed later, by VectorBackfill).
         */
        void replace(IngestedFile file, Set<String> lineKeys, List<float[]> vectors);

        /**
         * Gives a stored passage its vector; a passage no longer in the store (or with another text) is left out, so
         * vectors computed while an index run changed the file never bring old text back.
         */
        void addVector(Passage passage, float[] vector);

        /** Records the embedding model of this commit's vectors. */
        void embeddingModel(String model);

        void remove(String file);

        void commit();

        @Override
        void close();
    }

    @Override
    void close();
}
