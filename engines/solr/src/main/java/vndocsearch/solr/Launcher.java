package vndocsearch.solr;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.cloud.ClusterState;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A local SolrCloud cluster for tests and trials: N Solr nodes on loopback and an embedded ZooKeeper, in this one
 * JVM (solr-test-framework's MiniSolrCloudCluster), with our configset uploaded.
 *
 * <p>Arguments: {@code --nodes N} (default 3), {@code --configset DIR} (default {@code configset} beside the working
 * folder), {@code --config-name NAME} (default {@code vndocsearch}), {@code --base-dir DIR} (default a temporary
 * folder, removed on quit).
 *
 * <p>Protocol: stdout carries only JSON lines. When the cluster is ready it prints
 * {@code {"event":"ready","zkHost":…,"configName":…,"nodes":[{"index":0,"url":…,"running":true},…]}}. Commands are
 * read one a line from stdin: {@code stop I} (stop node I, wait until ZooKeeper no longer lists it), {@code start I}
 * (start it again on its old port and wait until every replica it holds is active again, i.e. has caught up),
 * {@code status}, {@code quit}. Each is answered with one JSON line {@code {"event":"ok"|"error","command":…,…}}.
 * End of input is {@code quit}: the cluster never outlives the process that started it. Logs go to stderr.
 */
public final class Launcher {
  private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
  /** Boolean queries of long questions: our query terms (syllables, bigrams, tone keys) exceed Lucene's 1024. */
  private static final int MAX_BOOLEAN_CLAUSES = 8192;
  private static final int CATCH_UP_SECONDS = 120;

  private final MiniSolrCloudCluster cluster;
  private final List<JettySolrRunner> nodes;
  private final boolean[] running;
  private final String configName;

  private Launcher(MiniSolrCloudCluster cluster, String configName) {
    this.cluster = cluster;
    this.nodes = new ArrayList<>(cluster.getJettySolrRunners());
    this.running = new boolean[nodes.size()];
    java.util.Arrays.fill(running, true);
    this.configName = configName;
  }

  public static void main(String[] args) throws Exception {
    int count = 3;
    Path configset = Paths.get("configset");
    String configName = "vndocsearch";
    Path baseDir = null;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--nodes" -> count = Integer.parseInt(required(args[i], value));
        case "--configset" -> configset = Paths.get(required(args[i], value));
        case "--config-name" -> configName = required(args[i], value);
        case "--base-dir" -> baseDir = Paths.get(required(args[i], value));
        default -> fail("unknown argument " + args[i]);
      }
      i++;
    }
    if (count < 1) fail("--nodes must be at least 1");
    if (!Files.isRegularFile(configset.resolve("conf/solrconfig.xml"))) {
      fail("no conf/solrconfig.xml under " + configset.toAbsolutePath());
    }
    boolean temporary = baseDir == null;
    Path base = temporary ? Files.createTempDirectory("vndocsearch-solr-") : baseDir;
    // Node-level defaults for every node this JVM starts.
    System.setProperty("solr.log.dir", base.toString());
    System.setProperty("solr.max.booleanClauses", Integer.toString(MAX_BOOLEAN_CLAUSES));
    System.setProperty("jetty.host", "127.0.0.1");
    System.setProperty("host", "127.0.0.1");
    String solrXml = MiniSolrCloudCluster.DEFAULT_CLOUD_SOLR_XML.replace(
        "<solr>", "<solr>\n  <int name=\"maxBooleanClauses\">${solr.max.booleanClauses:1024}</int>");
    long started = System.nanoTime();
    MiniSolrCloudCluster cluster =
        new MiniSolrCloudCluster.Builder(count, base)
            .withSolrXml(solrXml)
            .addConfig(configName, configset.resolve("conf"))
            .build();
    Launcher launcher = new Launcher(cluster, configName);
    Thread hook = new Thread(() -> launcher.shutdown(base, temporary));
    Runtime.getRuntime().addShutdownHook(hook);
    launcher.print("ready", null, "\"startMillis\":" + (System.nanoTime() - started) / 1_000_000);
    launcher.serve();
    Runtime.getRuntime().removeShutdownHook(hook);
    launcher.shutdown(base, temporary);
    System.exit(0);
  }

  private static String required(String name, String value) {
    if (value == null) fail(name + " needs a value");
    return value;
  }

  private static void fail(String message) {
    System.err.println("launcher: " + message);
    System.exit(2);
  }

  /** Reads commands until `quit` or end of input. */
  private void serve() throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      String command = line.trim();
      if (command.isEmpty()) continue;
      if (command.equals("quit")) return;
      try {
        String[] parts = command.split("\\s+");
        switch (parts[0]) {
          case "status" -> print("ok", command, null);
          case "stop" -> {
            int i = nodeIndex(parts);
            if (running[i]) {
              JettySolrRunner node = nodes.get(i);
              cluster.stopJettySolrRunner(node);
              cluster.waitForJettyToStop(node);
              running[i] = false;
            }
            print("ok", command, null);
          }
          case "start" -> {
            int i = nodeIndex(parts);
            if (!running[i]) {
              JettySolrRunner node = nodes.get(i);
              cluster.startJettySolrRunner(node, true);
              cluster.waitForNode(node, CATCH_UP_SECONDS);
              running[i] = true;
              waitForReplicasActive(node);
            }
            print("ok", command, null);
          }
          default -> throw new IllegalArgumentException("unknown command (stop I, start I, status, quit)");
        }
      } catch (Exception e) {
        print("error", command, "\"message\":" + json(String.valueOf(e.getMessage())));
      }
    }
  }

  private int nodeIndex(String[] parts) {
    if (parts.length != 2) throw new IllegalArgumentException("give a node index");
    int i = Integer.parseInt(parts[1]);
    if (i < 0 || i >= nodes.size()) throw new IllegalArgumentException("no node " + i);
    return i;
  }

  /** Waits until every replica hosted by `node` (in every collection) is active: it has caught up with its leader. */
  private void waitForReplicasActive(JettySolrRunner node) throws Exception {
    String nodeName = node.getNodeName();
    var reader = cluster.getZkStateReader();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CATCH_UP_SECONDS);
    while (true) {
      ClusterState state = reader.getClusterState();
      boolean allActive = true;
      for (DocCollection collection : state.collectionStream().toList()) {
        for (Replica replica : collection.getReplicas()) {
          if (nodeName.equals(replica.getNodeName()) && !replica.isActive(state.getLiveNodes())) allActive = false;
        }
      }
      if (allActive) return;
      if (System.nanoTime() > deadline) throw new IllegalStateException("replicas on " + nodeName + " did not recover in time");
      Thread.sleep(200);
    }
  }

  private void print(String event, String command, String extra) {
    StringBuilder b = new StringBuilder("{\"event\":").append(json(event));
    if (command != null) b.append(",\"command\":").append(json(command));
    b.append(",\"zkHost\":").append(json(cluster.getZkServer().getZkAddress()));
    b.append(",\"configName\":").append(json(configName));
    b.append(",\"nodes\":[");
    for (int i = 0; i < nodes.size(); i++) {
      JettySolrRunner node = nodes.get(i);
      if (i > 0) b.append(',');
      b.append("{\"index\":").append(i)
          .append(",\"url\":").append(json(node.getBaseUrl().toString()))
          .append(",\"running\":").append(running[i]).append('}');
    }
    b.append(']');
    if (extra != null) b.append(',').append(extra);
    OUT.println(b.append('}'));
  }

  private static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
        }
      }
    }
    return b.append('"').toString();
  }

  private synchronized void shutdown(Path base, boolean temporary) {
    try {
      cluster.shutdown();
    } catch (Exception e) {
      System.err.println("launcher: shutdown: " + e);
    }
    if (temporary) {
      try (Stream<Path> paths = Files.walk(base)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (Exception e) {
        System.err.println("launcher: removing " + base + ": " + e);
      }
    }
  }
}
