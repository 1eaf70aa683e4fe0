package dev.citeqa.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.SolrPing;
import org.apache.solr.common.util.JavaBinCodec;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.common.util.SimpleOrderedMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.citeqa.config.Problem;

/** Fail-over between node URLs, against local HTTP servers that stand in for a slow node and a healthy one. */
class SolrNodesTest {

    private final List<HttpServer> servers = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        servers.forEach(s -> s.stop(0));
    }

    /** A node that takes the request and answers only after the test ends. */
    private String slowNode() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/solr", exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        return start(server);
    }

    /** A node that answers every request with status 0 in Solr's binary format. */
    private String healthyNode() throws IOException {
        return answeringNode(0, new AtomicInteger());
    }

    /** A node that answers every request as {@link #healthyNode} does, after a delay, counting them. */
    private String answeringNode(long delayMillis, AtomicInteger requests) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/solr", exchange -> {
            requests.incrementAndGet();
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            NamedList<Object> header = new SimpleOrderedMap<>();
            header.add("status", 0);
            NamedList<Object> body = new SimpleOrderedMap<>();
            body.add("responseHeader", header);
            body.add("status", "OK");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JavaBinCodec codec = new JavaBinCodec()) {
                codec.marshal(body, bytes);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, bytes.size());
            exchange.getResponseBody().write(bytes.toByteArray());
            exchange.close();
        });
        return start(server);
    }

    private String start(HttpServer server) {
        server.start();
        servers.add(server);
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/solr";
    }

    @Test
    void aNodeThatTakesTooLongIsPassedOverAndSaidToBeSlowNotUnreachable() throws IOException {
        String slow = slowNode();
        String healthy = healthyNode();
        List<String> notices = new ArrayList<>();
        try (SolrNodes nodes = new SolrNodes(List.of(slow, healthy), Duration.ofMillis(700), notices::add)) {
            NamedList<Object> answer = nodes.request(new SolrPing(), "citeqa");

            assertThat(answer.get("status")).isEqualTo("OK");
            assertThat(notices).hasSize(1);
            assertThat(notices.getFirst()).startsWith("Solr node " + slow + " did not answer within 0.7 s")
                    .contains("using the other nodes", "citeqa.solr.timeout").doesNotContain("unreachable");
        }
    }

    @Test
    void aNodeNobodyListensOnIsUnreachable() throws IOException {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort(); // closed again at once: nothing listens there
        }
        String gone = "http://127.0.0.1:" + port + "/solr";
        String healthy = healthyNode();
        List<String> notices = new ArrayList<>();
        try (SolrNodes nodes = new SolrNodes(List.of(gone, healthy), Duration.ofSeconds(5), notices::add)) {
            nodes.request(new SolrPing(), "citeqa");

            assertThat(notices).singleElement().asString()
                    .startsWith("Solr node " + gone + " is unreachable (").endsWith("); using the other nodes.");
        }
    }

    @Test
    void whenNoNodeAnswersOneProblemNamesEveryUrlTried() throws IOException {
        String slow = slowNode();
        try (SolrNodes nodes = new SolrNodes(List.of(slow), Duration.ofMillis(500), m -> { })) {
            assertThatThrownBy(() -> nodes.request(new SolrPing(), "citeqa"))
                    .isInstanceOf(Problem.class)
                    .hasMessageStartingWith("Cannot reach SolrCloud: tried " + slow + " (")
                    .hasMessageContaining("--solr-urls");
        }
    }

    @Test
    void anAdminCallIsGivenLongerThanAQueryAndStaysOnItsNode() throws IOException {
        AtomicInteger busyRequests = new AtomicInteger();
        AtomicInteger otherRequests = new AtomicInteger();
        String busy = answeringNode(1_000, busyRequests);
        String other = answeringNode(0, otherRequests);
        List<String> notices = new ArrayList<>();
        try (SolrNodes nodes = new SolrNodes(List.of(busy, other), Duration.ofMillis(300), Duration.ofSeconds(10),
                notices::add)) {
            NamedList<Object> answer = nodes.admin(CollectionAdminRequest.createCollection("c", "conf", 2, 2),
                    "creating the collection c");

            assertThat(answer.get("status")).isEqualTo("OK");
            assertThat(busyRequests).hasValue(1);
            assertThat(otherRequests).hasValue(0);
            assertThat(notices).isEmpty();
        }
    }

    @Test
    void anAdminCallThatOutlastsItsTimeoutIsAProblemNotAFailOver() throws IOException {
        String slow = slowNode();
        AtomicInteger otherRequests = new AtomicInteger();
        String other = answeringNode(0, otherRequests);
        List<String> notices = new ArrayList<>();
        try (SolrNodes nodes = new SolrNodes(List.of(slow, other), Duration.ofMillis(200), Duration.ofMillis(800),
                notices::add)) {
            assertThatThrownBy(() -> nodes.admin(CollectionAdminRequest.createCollection("c", "conf", 2, 2),
                    "creating the collection c"))
                    .isInstanceOf(Problem.class)
                    .hasMessageStartingWith("SolrCloud did not finish creating the collection c within 0.8 s (node "
                            + slow + ")")
                    .hasMessageNotContaining("unreachable");
            // a CREATE sent again to the other node would find the collection half made
            assertThat(otherRequests).hasValue(0);
            assertThat(notices).isEmpty();
        }
    }
}
