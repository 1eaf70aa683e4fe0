package dev.citeqa.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.cloud.ZkTestServer;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A local SolrCloud: an embedded ZooKeeper and N Solr nodes in this JVM, kept in one folder. The ports chosen at
 * the first start are saved in the folder, so a second start finds its nodes, collections and documents again.
 *
 * <p>Prints one line starting with "ready" once every node is up, then reads commands from standard input, one
 * per line: {@code stop <n>} and {@code start <n>} (1-based node number; tests use them to take a node down).
 * When standard input closes, or on Ctrl-C, every node and ZooKeeper stop, so a killed parent leaves no engine
 * behind.
 *
 * <p>Usage: {@code LocalSolrCloud --dir <folder> [--nodes 2] [--port 8983]} (port 0: any free ports).
 */
public final class LocalSolrCloud {

    private static final String STATE = "cluster.properties";

    private final Path dir;
    private final ZkTestServer zk;
    private final MiniSolrCloudCluster cluster;
    private final List<JettySolrRunner> nodes = new ArrayList<>();
    private volatile boolean stopped;

    private LocalSolrCloud(Path dir, int nodeCount, int basePort) throws Exception {
        this.dir = dir;
        Properties state = load(dir.resolve(STATE));
        boolean fresh = state.isEmpty();
        int zkPort = port(state, "zk.port", basePort == 0 ? 0 : basePort + 1000 - 1, fresh);
        List<Integer> ports = new ArrayList<>();
        int known = Integer.parseInt(state.getProperty("nodes", "0"));
        for (int i = 1; i <= Math.max(nodeCount, known); i++) {
            ports.add(port(state, "node." + i + ".port", basePort == 0 ? 0 : basePort + i - 1, fresh));
        }
        state.setProperty("nodes", String.valueOf(ports.size()));
        save(state, dir.resolve(STATE));

        zk = new ZkTestServer(dir.resolve("zookeeper"), zkPort);
        zk.run(fresh);
        cluster = new MiniSolrCloudCluster(0, dir, MiniSolrCloudCluster.DEFAULT_CLOUD_SOLR_XML,
                JettyConfig.builder().build(), zk, fresh);
        for (int i = 0; i < ports.size(); i++) {
            nodes.add(startNode(dir.resolve("node" + (i + 1)), ports.get(i)));
        }
        for (JettySolrRunner node : nodes) {
            cluster.waitForNode(node, 60);
        }
    }

    /**
     * Starts a node whose home may hold the cores of an earlier start (MiniSolrCloudCluster only starts nodes in
     * new folders, which would lose them).
     */
    private JettySolrRunner startNode(Path home, int port) throws Exception {
        Files.createDirectories(home);
        Path solrXml = home.resolve("solr.xml");
        if (!Files.exists(solrXml)) {
            Files.writeString(solrXml, MiniSolrCloudCluster.DEFAULT_CLOUD_SOLR_XML);
        }
        Properties properties = new Properties();
        properties.setProperty("zkHost", zk.getZkAddress());
        JettySolrRunner node = new JettySolrRunner(home.toString(), properties,
                JettyConfig.builder().setPort(port).setContext("/solr").build());
        node.start();
        return node;
    }

    /** A saved port, or a new one: the wanted port when it is free, else any free port. */
    private static int port(Properties state, String key, int wanted, boolean fresh) throws IOException {
        String saved = state.getProperty(key);
        if (saved != null) {
            return Integer.parseInt(saved);
        }
        int chosen = free(wanted);
        state.setProperty(key, String.valueOf(chosen));
        return chosen;
    }

    private static int free(int wanted) throws IOException {
        if (wanted > 0) {
            try (ServerSocket socket = new ServerSocket(wanted)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // fall through to any free port
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                p.load(in);
            }
        }
        return p;
    }

    private static void save(Properties p, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file)) {
            p.store(out, "ports of the local SolrCloud in this folder, kept so a restart finds its collections");
        }
    }

    private List<String> urls() {
        return nodes.stream().map(n -> "http://127.0.0.1:" + n.getLocalPort() + "/solr").toList();
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        for (JettySolrRunner node : nodes) {
            try {
                if (node.isRunning()) {
                    node.stop();
                }
            } catch (Exception e) {
                System.err.println("engine: stopping " + node.getLocalPort() + " failed: " + e);
            }
        }
        try {
            cluster.shutdown(); // closes its clients and the ZooKeeper it was given
        } catch (Exception e) {
            System.err.println("engine: stopping the cluster failed: " + e);
        }
        try {
            zk.shutdown();
        } catch (Exception e) {
            // already stopped with the cluster
        }
    }

    private void command(String line) throws Exception {
        String[] words = line.strip().split("\\s+");
        if (words.length != 2 || !(words[0].equals("stop") || words[0].equals("start"))) {
            System.out.println("engine: unknown command: " + line);
            return;
        }
        int n = Integer.parseInt(words[1]) - 1;
        JettySolrRunner node = nodes.get(n);
        if (words[0].equals("stop")) {
            node.stop();
            cluster.waitForJettyToStop(node);
            System.out.println("stopped " + urls().get(n));
        } else {
            node.start(true);
            cluster.waitForNode(node, 60);
            System.out.println("started " + urls().get(n));
        }
        System.out.flush();
    }

    public static void main(String[] args) throws Exception {
        Path dir = null;
        int nodes = 2;
        int port = 8983;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--nodes" -> nodes = Integer.parseInt(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("engine: unknown argument " + args[i]
                            + "; usage: --dir <folder> [--nodes 2] [--port 8983]");
                    System.exit(2);
                }
            }
        }
        if (dir == null || nodes < 1 || nodes > 9) {
            System.err.println("engine: usage: --dir <folder> [--nodes 1-9] [--port 8983]");
            System.exit(2);
        }
        LocalSolrCloud cloud = new LocalSolrCloud(dir, nodes, port);
        Runtime.getRuntime().addShutdownHook(new Thread(cloud::stop, "engine-stop"));
        System.out.println("ready " + String.join(",", cloud.urls()) + " zk=" + cloud.zk.getZkAddress()
                + " dir=" + dir);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!line.isBlank()) {
                try {
                    cloud.command(line);
                } catch (Exception e) {
                    System.out.println("engine: " + line.strip() + " failed: " + e);
                    System.out.flush();
                }
            }
        }
        cloud.stop();
        System.exit(0);
    }
}
