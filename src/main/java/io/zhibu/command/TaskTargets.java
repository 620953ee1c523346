package io.zhibu.command;

import io.zhibu.org.OrgDomain;
import io.zhibu.org.OrgType;
import java.util.List;

/**
 * Who receives a task: a hand-picked list ({@code orgIds}), or every active organization below {@code rootOrgId}
 * filtered by {@code level} (levels below the root, 1 = its children), {@code type} and {@code domain}; with no
 * filter, every branch (支部, 联合支部, 临时支部) below the root. Always strictly inside the sender's subtree.
 */
public record TaskTargets(List<Long> orgIds, Long rootOrgId, Integer level, OrgType type, OrgDomain domain) {
}
