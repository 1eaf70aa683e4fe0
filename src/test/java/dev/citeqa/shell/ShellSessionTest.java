package dev.citeqa.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.citeqa.chat.AskService;

/**
 * The application over a documents folder of the test's own ({@code temp/docs}, filled in {@code @BeforeAll}),
 * driven by typing lines into the shell session and reading what it prints.
 */
@SpringBootTest
@DirtiesContext // each test class has its own folders, so its own application
abstract class ShellSessionTest {

    @TempDir
    static Path temp;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("citeqa.docs", () -> temp.resolve("docs").toString());
        registry.add("citeqa.data", () -> temp.resolve("data").toString());
    }

    @Autowired
    ShellSession shell;

    @Autowired
    AskService asking;

    String type(String line) {
        StringWriter out = new StringWriter();
        shell.execute(line, new PrintWriter(out, true));
        return out.toString();
    }
}
