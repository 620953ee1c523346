package io.zhibu.shared.jobs;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The name of this app node in job runs and in ShedLock's {@code shedlock.locked_by}: {@code zhibu.node-id}, by
 * default the host name, so a restarted node recognises both its runs and its locks. Two app nodes on one host must
 * set distinct ids (and keep them across restarts).
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
