package dev.citeqa.solr;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;

import dev.citeqa.config.Problem;

/**
 * The SolrCloud nodes, reached by URL with the JDK's HTTP client, one request at a time to one node. Requests
 * rotate over the nodes; a node that cannot be reached is skipped for a while and the request goes to the next,
 * and the user is told once, in one line, which node was unreachable. SolrJ's own load-balancing and cloud
 * clients need its Jetty 10 client, which Boot 4.1's Jetty 12 breaks (STACK.md), hence this small layer.
 */
public final class SolrNodes implements AutoCloseable {

    /** How long a node that failed is passed over before it is tried again. */
    private static final long RETRY_DOWN_NANOS = TimeUnit.SECONDS.toNanos(15);
    /**
     * Least time an admin call (creating a collection, uploading the configset) is given: above the 180 s that Solr's
     * Collections API itself waits for an operation, so Solr reports its own timeout. A 2 x 2 CREATE took more than
     * 30 s on this 2-core machine under load.
     */
    static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(200);

    private final List<Node> nodes;
    private final Duration timeout;
    private final Duration adminTimeout;
    private final Consumer<String> notices;
    private final AtomicInteger next = new AtomicInteger();
    private final Set<String> reported = new LinkedHashSet<>();

    private static final class Node {
        final String url;
        final HttpJdkSolrClient client;
        private final Duration adminTimeout;
        private HttpJdkSolrClient admin;
        volatile long downUntil;
        volatile String lastFailure;
        volatile boolean timedOut;

        Node(String url, Duration timeout, Duration adminTimeout) {
            this.url = url;
            this.client = client(url, timeout);
            this.adminTimeout = adminTimeout;
        }

        /** The client for admin calls, with their longer timeout; made on the first one (few sessions make any). */
        synchronized HttpJdkSolrClient admin() {
            if (admin == null) {
                admin = client(url, adminTimeout);
            }
            return admin;
        }

        private static HttpJdkSolrClient client(String url, Duration timeout) {
            return new HttpJdkSolrClient.Builder(url)
                    .useHttp1_1(true)
                    .withConnectionTimeout(Math.min(timeout.toMillis(), 5_000), TimeUnit.MILLISECONDS)
                    .withRequestTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .withIdleTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .build();
        }

        synchronized void close() throws IOException {
            client.close();
            if (admin != null) {
                admin.close();
            }
        }
    }

    /** @param notices where the one line about an unreachable node goes */
    public SolrNodes(List<String> urls, Duration timeout, Consumer<String> notices) {
        this(urls, timeout, timeout.compareTo(ADMIN_TIMEOUT) > 0 ? timeout : ADMIN_TIMEOUT, notices);
    }

    SolrNodes(List<String> urls, Duration timeout, Duration adminTimeout, Consumer<String> notices) {
        this.nodes = urls.stream().map(u -> new Node(u, timeout, adminTimeout)).toList();
        this.timeout = timeout;
        this.adminTimeout = adminTimeout;
        this.notices = notices;
    }

    public List<String> urls() {
        return nodes.stream().map(n -> n.url).toList();
    }

    /**
     * Sends a request to one node, failing over to the others when a node cannot be reached. An error that the
     * node itself returns (a bad request, a missing collection) is not a node failure and is thrown as it is.
     */
    public NamedList<Object> request(SolrRequest<?> request, String collection) {
        return send(request, collection, null);
    }

    /**
     * Sends an admin call that changes the cluster (creating a collection, uploading a configset), with the longer
     * admin timeout. A node that takes that long is working on it, not down: the call is not sent again to another
     * node (which would find the work half done) and no node is said to be unreachable; the caller gets a Problem.
     * A node that refuses the connection is passed over as for any request.
     */
    public NamedList<Object> admin(SolrRequest<?> request, String what) {
        return send(request, null, what);
    }

    /** @param adminCall what an admin call does, in words for the user; null for any other request */
    private NamedList<Object> send(SolrRequest<?> request, String collection, String adminCall) {
        boolean admin = adminCall != null;
        int start = Math.floorMod(next.getAndIncrement(), nodes.size());
        List<Node> order = new ArrayList<>(nodes.size());
        List<Node> resting = new ArrayList<>();
        long now = System.nanoTime();
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get((start + i) % nodes.size());
            (node.downUntil - now > 0 ? resting : order).add(node);
        }
        order.addAll(resting); // a node that was down is still tried when the others fail
        List<Node> failed = new ArrayList<>();
        String lastFailure = null;
        boolean timedOut = false;
        for (Node node : order) {
            try {
                NamedList<Object> response = (admin ? node.admin() : node.client).request(request, collection);
                node.downUntil = 0;
                // said only when another node answered: when none does, the one line is the Problem below
                failed.forEach(this::report);
                return response;
            } catch (SolrServerException | IOException e) {
                lastFailure = reason(e);
                timedOut = timedOut(e);
                if (admin && timedOut) {
                    throw new Problem("SolrCloud did not finish " + adminCall + " within " + seconds(adminTimeout)
                            + " (node " + node.url + "); it may still be at work: look at the cluster, then run the"
                            + " command again.", e);
                }
            } catch (SolrException e) {
                if (e.code() != SolrException.ErrorCode.SERVICE_UNAVAILABLE.code) {
                    throw e;
                }
                lastFailure = "503 " + e.getMessage();
                timedOut = false;
            }
            node.downUntil = System.nanoTime() + RETRY_DOWN_NANOS;
            node.lastFailure = lastFailure;
            node.timedOut = timedOut;
            failed.add(node);
        }
        throw new Problem("Cannot reach SolrCloud: tried " + String.join(", ", urls()) + " (" + lastFailure
                + "). Start a local one with ./chat cluster start, or pass the node URLs with --solr-urls.");
    }

    private void report(Node node) {
        synchronized (reported) {
            if (!reported.add(node.url)) {
                return;
            }
        }
        // a node that took too long was reached: saying it is unreachable would send the user looking for a fault
        notices.accept(node.timedOut
                ? "Solr node " + node.url + " did not answer within " + seconds(timeout) + " (" + node.lastFailure
                        + "); using the other nodes. A busy cluster may need a longer citeqa.solr.timeout."
                : "Solr node " + node.url + " is unreachable (" + node.lastFailure + "); using the other nodes.");
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(java.util.Locale.ROOT, "%.1f s",
                d.toMillis() / 1000.0);
    }

    /** Whether the request failed because the node took too long, not because it could not be reached. */
    static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.http.HttpTimeoutException || t instanceof java.net.SocketTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        String type = root.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message.lines().findFirst().orElse("");
    }

    @Override
    public void close() {
        for (Node node : nodes) {
            try {
                node.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }
}
