package dev.citeqa.ingest;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The files of a documents folder, found recursively, with the reason for each one left out. Symbolic links are
 * not followed unless configured, and never outside the folder.
 */
public final class DocumentFolder {

    /** A file to read: where it is, and its name relative to the folder (forward slashes). */
    public record Entry(Path path, String file) {
    }

    public record Listing(List<Entry> entries, List<DocumentReader.Skipped> skipped) {
    }

    private DocumentFolder() {
    }

    public static Listing list(Path root, List<String> extensions, boolean followLinks) throws IOException {
        Path base = root.toRealPath();
        List<Entry> entries = new ArrayList<>();
        List<DocumentReader.Skipped> skipped = new ArrayList<>();
        Set<FileVisitOption> options = followLinks ? EnumSet.of(FileVisitOption.FOLLOW_LINKS)
                : EnumSet.noneOf(FileVisitOption.class);
        Files.walkFileTree(base, options, Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(base) && dir.getFileName().toString().startsWith(".")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (followLinks && !dir.toRealPath().startsWith(base)) {
                    skipped.add(new DocumentReader.Skipped(relative(base, dir) + "/", "links outside the documents folder"));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path path, BasicFileAttributes attrs) throws IOException {
                String file = relative(base, path);
                if (path.getFileName().toString().startsWith(".")) {
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isSymbolicLink()) {
                    skipped.add(new DocumentReader.Skipped(file, "is a symbolic link (set citeqa.ingest.follow-links=true to follow links inside the folder)"));
                    return FileVisitResult.CONTINUE;
                }
                if (!attrs.isRegularFile()) {
                    skipped.add(new DocumentReader.Skipped(file, "is not a regular file"));
                    return FileVisitResult.CONTINUE;
                }
                if (followLinks && !path.toRealPath().startsWith(base)) {
                    skipped.add(new DocumentReader.Skipped(file, "links outside the documents folder"));
                    return FileVisitResult.CONTINUE;
                }
                String extension = DocumentReader.extension(file);
                if (!extensions.contains(extension)) {
                    skipped.add(new DocumentReader.Skipped(file, extension.isEmpty()
                            ? "has no file extension (readable: " + String.join(", ", extensions) + ")"
                            : "has an unsupported type ." + extension + " (readable: " + String.join(", ", extensions) + ")"));
                    return FileVisitResult.CONTINUE;
                }
                if (!Files.isReadable(path)) {
                    skipped.add(new DocumentReader.Skipped(file, "cannot be read (permission denied)"));
                    return FileVisitResult.CONTINUE;
                }
                entries.add(new Entry(path, file));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path path, IOException e) {
                String reason = e instanceof FileSystemLoopException ? "is a symbolic link loop"
                        : "cannot be read (" + e.getClass().getSimpleName() + ")";
                skipped.add(new DocumentReader.Skipped(relative(base, path), reason));
                return FileVisitResult.CONTINUE;
            }
        });
        entries.sort((a, b) -> a.file().compareTo(b.file()));
        return new Listing(entries, skipped);
    }

    private static String relative(Path base, Path path) {
        return base.relativize(path).toString().replace('\\', '/');
    }

}
