package io.zhibu.serving;

/**
 * What a member is designated as (issue 21 point 3): 党员先锋岗 (a post), 党员责任区 (an area the member answers for),
 * 共产党员户 (a household headed by a member) and 三亮两带 (亮身份、亮承诺、亮实绩; 带头服务、带头致富).
 */
public enum DesignationKind { PIONEER_POST, RESPONSIBILITY_AREA, PARTY_HOUSEHOLD, THREE_SHOW }
