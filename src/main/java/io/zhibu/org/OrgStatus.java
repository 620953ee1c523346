package io.zhibu.org;

public enum OrgStatus {
    ACTIVE, DISSOLVED, MERGED
}
