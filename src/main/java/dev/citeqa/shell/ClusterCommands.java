package dev.citeqa.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import dev.citeqa.config.Problem;
import dev.citeqa.solr.LocalCluster;
import dev.citeqa.solr.SolrConfigset;

/** A local SolrCloud to try the solrcloud backend with, and the configset for a SolrCloud of one's own. */
@Component
public class ClusterCommands {

    @Command(name = "cluster start", description = "Start a local SolrCloud (embedded ZooKeeper and Solr nodes) in "
            + "the foreground; Ctrl-C or the end of input stops it, and its folder can be started again")
    public void start(CommandContext context,
                      @Option(longName = "nodes", description = "Solr nodes, 1 to 9", defaultValue = "2") int nodes,
                      @Option(longName = "dir", description = "folder of the cluster's state "
                              + "(default: ~/.citeqa/solrcloud)") String dir,
                      @Option(longName = "port", description = "first node's port on a first start (0: any free)",
                              defaultValue = "8983") int port) {
        PrintWriter out = context.outputWriter();
        if (nodes < 1 || nodes > 9) {
            throw new Problem("--nodes takes a whole number from 1 to 9.");
        }
        Path folder = dir == null || dir.isBlank()
                ? Path.of(System.getProperty("user.home"), ".citeqa", "solrcloud")
                : Path.of(dir).toAbsolutePath().normalize();
        out.println("Starting a local SolrCloud of " + nodes + " node" + (nodes == 1 ? "" : "s") + " in " + folder
                + " ...");
        out.flush();
        try (LocalCluster cluster = LocalCluster.start(folder, nodes, port)) {
            String urls = String.join(",", cluster.urls());
            out.println("ready: SolrCloud at " + urls + "; use it with: --backend solrcloud --solr-urls " + urls
                    + "   (Ctrl-C or end of input stops it)");
            out.flush();
            awaitEndOfInput();
            out.println("Stopping the local SolrCloud ...");
            out.flush();
        }
        out.println("Stopped; " + folder + " keeps its collections for the next start.");
    }

    @Command(name = "cluster configset", description = "Write the project's Solr configset (schema.xml, "
            + "solrconfig.xml, stopwords) to a folder, to upload to an existing SolrCloud 9.x")
    public void configset(CommandContext context,
                          @Option(longName = "dir", description = "folder to write", defaultValue = "citeqa-configset")
                          String dir,
                          @Option(longName = "dimension", description = "the embedding model's vector dimension",
                                  defaultValue = "384") int dimension) {
        PrintWriter out = context.outputWriter();
        SolrConfigset configset = new SolrConfigset(dimension);
        Path folder = Path.of(dir).toAbsolutePath().normalize();
        try {
            configset.write(folder);
        } catch (IOException e) {
            throw new Problem("Cannot write the configset to " + folder + " (" + e.getMessage() + ").", e);
        }
        out.println("Wrote the configset " + configset.name() + " to " + folder + " (" + String.join(", ",
                configset.files().keySet()) + "). Upload it under that name, e.g. bin/solr zk upconfig -n "
                + configset.name() + " -d " + folder + " -z <zk host>; citeqa then creates its collection with it.");
    }

    /** Blocks until standard input ends (Ctrl-D, a closed pipe); Ctrl-C ends the process, whose hook stops Solr. */
    private static void awaitEndOfInput() {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (in.readLine() != null) {
                // lines typed while the cluster runs are ignored
            }
        } catch (IOException e) {
            // input gone: stop as at its end
        }
    }
}
