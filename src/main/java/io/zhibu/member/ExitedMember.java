package io.zhibu.member;

import java.time.LocalDate;

/** A member who left the roster (出党 or 死亡): not on the active roster, still findable. */
public record ExitedMember(long id, String name, long orgId, String orgName, String idNumberMasked, ExitType exitType,
                           LocalDate exitedOn) {
}
