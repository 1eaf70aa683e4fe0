package dev.citeqa.shell;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;

/** Replaces Spring Shell's parser with one that takes plain lines as questions. */
@Configuration(proxyBeanMethods = false)
class ShellConfiguration {

    @Bean
    CommandParser commandParser(CommandRegistry registry) {
        return new LineParser(registry);
    }
}
