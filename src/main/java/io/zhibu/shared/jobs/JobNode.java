package io.zhibu.shared.jobs;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The name of this app node in job runs: {@code zhibu.node-id}, by default the host name — the name ShedLock writes
 * into {@code shedlock.locked_by}, so a restarted node recognises both its runs and its locks. Two app nodes on one
 * host must set distinct ids.
 */
@Component
public class JobNode {
    private final String id;

    public JobNode(@Value("${zhibu.node-id:}") String id) {
        this.id = id == null || id.isBlank() ? net.javacrumbs.shedlock.support.Utils.getHostname() : id;
    }

    public String id() {
        return id;
    }
}
