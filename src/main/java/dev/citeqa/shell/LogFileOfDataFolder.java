package dev.citeqa.shell;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import dev.citeqa.chat.Workspaces;

/**
 * One log file per data folder, under ~/.citeqa/logs, named after the folder: runs on different document sets no
 * longer write into one shared file. It is set before logging starts, after the settings files are read, and only
 * when no logging.file.name is given. The log is kept outside the data folder, so a run that stops at a missing
 * documents folder leaves no folder behind.
 */
public final class LogFileOfDataFolder implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "logging.file.name";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(PROPERTY)) {
            return;
        }
        String data = environment.getProperty("citeqa.data");
        String docs = environment.getProperty("citeqa.docs", "seeds");
        Path folder = data != null && !data.isBlank() ? Path.of(data).toAbsolutePath().normalize()
                : Workspaces.defaultData(Path.of(docs).toAbsolutePath().normalize());
        environment.getPropertySources().addLast(new MapPropertySource("citeqa-log-file",
                Map.of(PROPERTY, Workspaces.logFile(folder).toString())));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after application.yml, the environment and the command line are read
    }
}
