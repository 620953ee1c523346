package io.zhibu.shared.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Cluster signals (集群通知): "this node changed something that other nodes may hold in memory" — a cache to empty,
 * a version to bump. A module {@linkplain #on subscribes} a topic with what to do, and {@linkplain #publish publishes}
 * the topic where it changes the data. Subscribers of this node run after the publishing transaction commits (at once
 * outside a transaction); with {@code zhibu.cluster.enabled} on PostgreSQL the signal is also a
 * {@code pg_notify('zhibu_cluster', '<node>|<topic>')} sent in the publishing transaction, so the other nodes'
 * listeners ({@link PgSignalListener}) hear it when — and only if — the change commits. On H2, or with one node, the
 * signal stays inside this JVM (the single-node path).
 *
 * <p>Topics in use: {@value #TOKENS} (the account module's verified-token cache: revocation, sign-out, lock) and
 * {@value #ROLLUPS} (the supervision module's rollup version: cached dashboards and rankings start over).
 */
public class ClusterSignals {
    public static final String CHANNEL = "zhibu_cluster";
    public static final String TOKENS = "tokens";
    public static final String ROLLUPS = "rollups";
    private static final Logger log = LoggerFactory.getLogger(ClusterSignals.class);

    private final Map<String, List<Runnable>> subscribers = new ConcurrentHashMap<>();
    private final String node;
    private final JdbcTemplate jdbc;

    /**
     * @param node this node's id ({@code zhibu.node-id}); a node ignores its own notifications
     * @param jdbc the application's database when signals cross nodes (PostgreSQL), {@code null} for this JVM only
     */
    public ClusterSignals(String node, JdbcTemplate jdbc) {
        this.node = node;
        this.jdbc = jdbc;
    }

    /** A single-node instance: signals reach this JVM's subscribers only. */
    public static ClusterSignals local() {
        return new ClusterSignals("local", null);
    }

    public boolean crossesNodes() {
        return jdbc != null;
    }

    public String node() {
        return node;
    }

    public void on(String topic, Runnable action) {
        subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(action);
    }

    /** Tell every node (this one after the commit) that the topic's data changed. */
    public void publish(String topic) {
        if (jdbc != null) {
            // in the current transaction when there is one (JdbcTemplate joins it): PostgreSQL delivers at commit
            jdbc.queryForObject("select pg_notify(?, ?)", Object.class, CHANNEL, node + "|" + topic);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    fire(topic);
                }
            });
        } else {
            fire(topic);
        }
    }

    /** A notification heard on the channel: {@code node|topic}; this node's own are already handled. */
    void received(String payload) {
        int bar = payload.lastIndexOf('|');
        if (bar < 0 || payload.substring(0, bar).equals(node)) {
            return;
        }
        fire(payload.substring(bar + 1));
    }

    /** After the listener lost its connection, notifications may have been missed: every topic as if signalled. */
    void fireAll() {
        subscribers.keySet().forEach(this::fire);
    }

    void fire(String topic) {
        for (Runnable r : subscribers.getOrDefault(topic, List.of())) {
            try {
                r.run();
            } catch (RuntimeException e) {
                log.warn("cluster signal {}: a subscriber failed", topic, e);
            }
        }
    }
}
