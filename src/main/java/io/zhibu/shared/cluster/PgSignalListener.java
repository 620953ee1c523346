package io.zhibu.shared.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Hears the other nodes' {@link ClusterSignals} on PostgreSQL: one connection of its own (not from the pool, so it
 * follows a multi-host URL to the current primary after a failover) that {@code LISTEN}s on
 * {@value ClusterSignals#CHANNEL} and polls for notifications every second in a daemon thread. When the connection
 * breaks it reconnects every 2 s and then fires every topic once, since notifications sent meanwhile are lost.
 */
public class PgSignalListener implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(PgSignalListener.class);
    private final ClusterSignals signals;
    private final String url;
    private final Properties props = new Properties();
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    public PgSignalListener(ClusterSignals signals, String url, String user, String password) {
        this.signals = signals;
        this.url = url;
        props.setProperty("user", user == null ? "" : user);
        props.setProperty("password", password == null ? "" : password);
        props.setProperty("connectTimeout", "3");
        props.setProperty("ApplicationName", "zhibu-signals");
    }

    /** True while the LISTEN connection is open (tests wait for it). */
    public boolean listening() {
        return listening;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("zhibu-cluster-signals").start(this::loop);
    }

    private void loop() {
        boolean first = true;
        while (running) {
            try (Connection c = DriverManager.getConnection(url, props)) {
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + ClusterSignals.CHANNEL);
                }
                listening = true;
                if (!first) {
                    log.info("cluster signals: listening again; every cache starts over");
                    signals.fireAll();
                }
                first = false;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] ns = pg.getNotifications(1000);
                    if (ns != null) {
                        for (PGNotification n : ns) {
                            signals.received(n.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("cluster signals: listener connection lost ({}); reconnecting", e.getMessage());
                }
            } finally {
                listening = false;
            }
            first = false;
            sleep(2000);
        }
    }

    private void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
