package io.zhibu.org;

/** A lean view of one active organization for platform-wide jobs (rollups, sweeps): no scope, no details. */
public record OrgNode(long id, Long parentId, String path, int depth, String name, OrgType type, OrgDomain domain,
                      boolean hasChildren) {
}
