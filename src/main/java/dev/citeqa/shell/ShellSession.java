package dev.citeqa.shell;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.reader.UserInterruptException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandExecutionException;
import org.springframework.shell.core.command.CommandExecutor;
import org.springframework.shell.core.command.CommandNotFoundException;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import dev.citeqa.answer.StopSignal;
import dev.citeqa.chat.AskService;
import dev.citeqa.chat.Workspaces;
import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.config.Problem;

/**
 * Runs the shell: the interactive prompt, or the single command given on the command line. Every failure a user
 * can cause ends as one line, and the prompt stays usable.
 */
@Component
public class ShellSession implements ApplicationRunner, EnvironmentAware {

    private static final Log LOG = LogFactory.getLog(ShellSession.class);
    static final String PROMPT = "citeqa> ";

    private final ObjectProvider<Launch> launch;
    private final CommandRegistry registry;
    private final CommandParser parser;
    private final ObjectProvider<LineReader> lineReader;
    private final CiteqaProperties settings;
    private final InterruptKey interruptKey;
    private final Workspaces workspaces;
    private Environment environment;
    private final ObjectProvider<AskService> asking;
    private int exitCode;

    public ShellSession(ObjectProvider<Launch> launch, CommandRegistry registry, CommandParser parser,
                        ObjectProvider<LineReader> lineReader, CiteqaProperties settings, InterruptKey interruptKey,
                        Workspaces workspaces, ObjectProvider<AskService> asking) {
        this.launch = launch;
        this.registry = registry;
        this.parser = parser;
        this.lineReader = lineReader;
        this.settings = settings;
        this.interruptKey = interruptKey;
        this.workspaces = workspaces;
        this.asking = asking;
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    public int exitCode() {
        return exitCode;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        Launch launch = this.launch.getIfAvailable();
        if (launch == null) {
            return; // started without main(), as in tests: commands are driven through execute()
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        if (launch.interactive() || launch.names("citeqa.docs")) {
            try {
                // checked at start: a missing folder would otherwise show only at the first question
                Workspaces.requireFolder(settings.docs());
            } catch (Problem e) {
                err.println(e.getMessage());
                exitCode = 2;
                return;
            }
        }
        if (launch.interactive()) {
            interactive();
            return;
        }
        ParsedInput parsed;
        try {
            parsed = ((LineParser) parser).parseArguments(launch.command());
        } catch (Problem e) {
            err.println(e.getMessage());
            exitCode = 2;
            return;
        }
        exitCode = execute(parsed, out, err);
    }

    private void interactive() {
        LineReader reader = lineReader.getObject();
        if (reader instanceof LineReaderImpl impl) {
            // a typed line is one question: an apostrophe ("Iran's") or an unmatched quote or bracket must not make
            // the reader wait for more lines (LineParser reads the line's own quoting)
            impl.setParser(new DefaultParser().eofOnUnclosedQuote(false).eofOnEscapedNewLine(false)
                    .eofOnUnclosedBracket());
            impl.setCompleter(new ValueCompleter(registry, () -> asking.getObject().conversation().last()
                    .map(turn -> turn.answer().citations().size()).orElse(0)));
        }
        interruptKey.attach(reader.getTerminal());
        PrintWriter out = reader.getTerminal().writer();
        out.println("citeqa: questions about the documents in " + settings.docs().toAbsolutePath().normalize()
                + ", answered with citations.");
        out.println("Type a question, or help for the commands; exit quits.");
        out.flush();
        workspaces.warmUp(); // after the banner: the model loads while the person reads the prompt and types
        while (true) {
            String line;
            try {
                line = reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                continue; // Ctrl-C clears the line; exit or Ctrl-D quits
            } catch (EndOfFileException e) {
                break;
            }
            if (line == null) {
                break;
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String lower = trimmed.toLowerCase(Locale.ROOT);
            if (lower.equals("exit") || lower.equals("quit")) {
                break;
            }
            try (InterruptKey.Handle ignored = interruptKey.forCommand(new StopSignal())) {
                execute(trimmed, out); // Ctrl-C stops this command's work and comes back here, to the prompt
            }
            out.flush();
        }
    }

    /** Parses and runs one typed line, printing to {@code out}; returns the exit status it stands for. */
    public int execute(String line, PrintWriter out) {
        try {
            return execute(parser.parse(line), out, out);
        } catch (Problem e) {
            out.println(e.getMessage());
            return 2;
        }
    }

    /** Runs one parsed command; returns the process exit status it stands for. */
    int execute(ParsedInput parsed, PrintWriter out, PrintWriter err) {
        InputReader noInput = new InputReader() {
        };
        try {
            ExitStatus status = new CommandExecutor(registry).execute(new CommandContext(parsed, registry, out, noInput));
            out.flush();
            return status.code() == ExitStatus.OK.code() ? 0 : 1;
        } catch (CommandNotFoundException e) {
            err.println(parser instanceof LineParser lines ? lines.unknownCommand(e.getCommandName())
                    : "Unknown command '" + e.getCommandName() + "': type help to see the commands.");
            return 2;
        } catch (CommandExecutionException e) {
            out.flush();
            Throwable cause = e.getCause();
            for (Throwable c = cause; c != null; c = c.getCause()) {
                if (c instanceof AnswerDeclined) {
                    return AnswerDeclined.EXIT_STATUS;
                }
            }
            while (cause != null && !(cause instanceof Problem) && !(cause instanceof IllegalArgumentException)
                    && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof Problem || cause instanceof IllegalArgumentException) {
                err.println(cause.getMessage());
                return 1;
            }
            LOG.error("Command " + parsed.commandName() + " failed", e);
            err.println("Command " + parsed.commandName() + " failed: " + (cause == null ? e : cause).getClass()
                    .getSimpleName() + ": " + (cause == null ? e.getMessage() : cause.getMessage())
                    + " (details in " + logFile() + ")");
            return 1;
        }
    }

    private String logFile() {
        return environment == null ? "the log" : environment.getProperty(LogFileOfDataFolder.PROPERTY, "the log");
    }
}
