package dev.citeqa.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

import dev.citeqa.answer.StopSignal;

/** Ctrl-C (the terminal's INT signal) stops the running answer, and only while one runs. */
class InterruptKeyTest {

    @Test
    void ctrlCDuringAnAnswerRaisesItsStopSignalAndTheOldHandlingComesBack() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().dumb(true).system(false)
                .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()).build()) {
            AtomicInteger before = new AtomicInteger();
            terminal.handle(Terminal.Signal.INT, signal -> before.incrementAndGet());
            InterruptKey key = new InterruptKey();
            key.attach(terminal);
            StopSignal stop = new StopSignal();

            try (InterruptKey.Handle ignored = key.during(stop::stop)) {
                terminal.raise(Terminal.Signal.INT);
            }
            terminal.raise(Terminal.Signal.INT);

            assertThat(stop.stopped()).isTrue();
            assertThat(before).hasValue(1);
        }
    }

    @Test
    void withoutAnAttachedTerminalCtrlCKeepsItsOwnHandlingDuringAnAnswer() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().dumb(true).system(false)
                .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()).build()) {
            AtomicInteger own = new AtomicInteger();
            terminal.handle(Terminal.Signal.INT, signal -> own.incrementAndGet());
            StopSignal stop = new StopSignal();

            try (InterruptKey.Handle ignored = new InterruptKey().during(stop::stop)) {
                terminal.raise(Terminal.Signal.INT);
            }

            assertThat(stop.stopped()).isFalse();
            assertThat(own).hasValue(1);
        }
    }

    @Test
    void aCtrlCAfterIndexingsLastProgressReportStillEndsTheCommandAndWhatItCommittedStands() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().dumb(true).system(false)
                .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()).build()) {
            InterruptKey key = new InterruptKey();
            key.attach(terminal);
            List<String> reported = new ArrayList<>();
            List<String> committed = new ArrayList<>();

            try (InterruptKey.Handle ignored = key.forCommand(new StopSignal())) {
                assertThat(key.<String, String>indexing(progress -> {
                    progress.accept("a.txt");
                    committed.add("a.txt");
                    return "1 file";
                }, reported::add)).as("no Ctrl-C: the step's result").isEqualTo("1 file");

                assertThatThrownBy(() -> key.<String, String>indexing(progress -> {
                    progress.accept("b.txt");
                    terminal.raise(Terminal.Signal.INT); // during the commit: no report comes after it
                    committed.add("b.txt");
                    return "1 file";
                }, reported::add)).isInstanceOf(InterruptKey.Stopped.class)
                        .hasMessageStartingWith("Stopped; the index keeps its last commit");

                assertThatThrownBy(() -> key.<String, String>indexing(progress -> {
                    progress.accept("c.txt");
                    committed.add("c.txt");
                    return "1 file";
                }, reported::add)).as("the command's Ctrl-C stops its next report")
                        .isInstanceOf(InterruptKey.Stopped.class);
            }
            assertThat(reported).containsExactly("a.txt", "b.txt");
            assertThat(committed).containsExactly("a.txt", "b.txt");
        }
    }

    @Test
    void ctrlCAfterTheAnswerNoLongerStopsIt() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().dumb(true).system(false)
                .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()).build()) {
            InterruptKey key = new InterruptKey();
            key.attach(terminal);
            StopSignal first = new StopSignal();
            StopSignal second = new StopSignal();

            try (InterruptKey.Handle ignored = key.during(first::stop)) {
                assertThat(first.stopped()).isFalse();
            }
            try (InterruptKey.Handle ignored = key.during(second::stop)) {
                terminal.raise(Terminal.Signal.INT);
            }

            assertThat(first.stopped()).as("the finished answer's signal").isFalse();
            assertThat(second.stopped()).isTrue();
        }
    }
}
