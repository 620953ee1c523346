package io.zhibu.portal;

import io.zhibu.member.MemberService;
import io.zhibu.org.OrgService;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The text a picker shows for an id already chosen — a form re-shown after a validation error names the picked
 * organization or member instead of a placeholder (issue 16 §3). Templates call it as
 * {@code ${@pickerLabels.org(form.orgId())}}. Resolved through the modules' scoped services: an id outside the
 * caller's scope (or unknown) shows nothing, so a label never leaks what the caller may not see.
 */
@Component("pickerLabels")
public class PickerLabels {
    private final OrgService orgs;
    private final MemberService members;

    public PickerLabels(OrgService orgs, MemberService members) {
        this.orgs = orgs;
        this.members = members;
    }

    public String org(Long id) {
        if (id == null) {
            return "";
        }
        try {
            return orgs.get(CurrentScope.get(), id).name();
        } catch (NotFoundException | ForbiddenException e) {
            return "";
        }
    }

    public String member(Long id) {
        if (id == null) {
            return "";
        }
        try {
            var m = members.get(CurrentScope.get(), id);
            return m.name();
        } catch (NotFoundException | ForbiddenException e) {
            return "";
        }
    }
}
