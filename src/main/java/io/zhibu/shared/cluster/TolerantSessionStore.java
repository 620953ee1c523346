package io.zhibu.shared.cluster;

import io.zhibu.shared.db.DatabaseTrouble;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The database session store, tolerant of a database that cannot be reached while a response is written: saving the
 * session (its last-access time, written when the response is committed) is skipped with a warning instead of
 * turning the page's own answer — a 503 "database unavailable" page — into a 500 (issue 23, failover drill). Any
 * other error still fails the request.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class TolerantSessionStore implements FindByIndexNameSessionRepository, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(TolerantSessionStore.class);
    private final JdbcIndexedSessionRepository store;
    private final FindByIndexNameSessionRepository raw;

    TolerantSessionStore(JdbcIndexedSessionRepository store) {
        this.store = store;
        this.raw = store;
    }

    @Override
    public Session createSession() {
        return store.createSession();
    }

    @Override
    public void save(Session session) {
        try {
            raw.save(session);
        } catch (RuntimeException e) {
            if (DatabaseTrouble.of(e) == null) {
                throw e;
            }
            log.warn("page session {} not saved: the database is unavailable ({})", session.getId(), e.getMessage());
        }
    }

    @Override
    public Session findById(String id) {
        return store.findById(id);
    }

    @Override
    public void deleteById(String id) {
        store.deleteById(id);
    }

    @Override
    public Map findByIndexNameAndIndexValue(String indexName, String indexValue) {
        return store.findByIndexNameAndIndexValue(indexName, indexValue);
    }

    @Override
    public void destroy() {
        store.destroy();
    }
}
