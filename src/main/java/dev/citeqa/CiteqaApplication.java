package dev.citeqa;

import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

import dev.citeqa.chat.EarlyModelLoad;
import dev.citeqa.index.Embedder;
import dev.citeqa.shell.Launch;
import dev.citeqa.shell.ShellSession;

/** Starts the shell, or runs the one command given on the command line and exits with its status. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CiteqaApplication {

    public static void main(String[] args) {
        Launch launch;
        try {
            launch = Launch.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        SpringApplication application = new SpringApplication(CiteqaApplication.class);
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("launch", launch));
        application.addListeners(new EarlyModelLoad(launch.command()));
        int status;
        try {
            ConfigurableApplicationContext context = application.run(launch.springArguments().toArray(String[]::new));
            status = context.getBean(ShellSession.class).exitCode();
            context.close();
        } catch (SpringApplication.AbandonedRunException e) {
            throw e; // the build's ahead-of-time processing ends the run here, once it has read the context
        } catch (RuntimeException e) {
            System.err.println(Launch.startupFailure(e));
            status = 2;
        }
        // ONNX Runtime crashed the JVM (SIGSEGV) when it exited while the early model load was still in native code,
        // as when a bad setting stops a single ask at once
        Embedder.awaitLoading();
        System.exit(status);
    }
}
