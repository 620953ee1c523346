package io.zhibu.org;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.org.VotingRightsPort.RosterEntry;
import io.zhibu.shared.Violation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R1.4 (issue 18 point 3): a committee post is picked from the roll and stored by member id, not by name. */
class CommitteePickTest {
    private static final List<RosterEntry> ROLL = List.of(new RosterEntry(11, "王芳"), new RosterEntry(12, "李强"),
            new RosterEntry(13, "李强"));

    @Test
    @DisplayName("R1.4: by member id on the roll → that member; an id off the roll is refused naming the post")
    void byMemberId() {
        List<Violation> errors = new ArrayList<>();
        assertThat(OrgTerms.pick(ROLL, "secretary", 13L, "whatever typed", errors)).isEqualTo(new RosterEntry(13, "李强"));
        assertThat(errors).isEmpty();
        assertThat(OrgTerms.pick(ROLL, "secretary", 99L, null, errors)).isNull();
        assertThat(errors).extracting(Violation::field).containsExactly("secretary");
    }

    @Test
    @DisplayName("R1.4: a name is accepted only where exactly one member on the roll has it (before: two 李强 were one name)")
    void byNameOnlyWhenUnique() {
        List<Violation> errors = new ArrayList<>();
        assertThat(OrgTerms.pick(ROLL, "deputySecretary", null, "王芳", errors)).isEqualTo(new RosterEntry(11, "王芳"));
        assertThat(errors).isEmpty();
        assertThat(OrgTerms.pick(ROLL, "deputySecretary", null, "李强", errors)).isNull();
        assertThat(OrgTerms.pick(ROLL, "organizationMember", null, "名册外", errors)).isNull();
        assertThat(errors).extracting(Violation::code).containsExactly("term.nameAmbiguous", "term.notOnRoster");
    }

    @Test
    @DisplayName("R1.4: an organization with no roll of its own (a 党委) keeps a typed name without id; an id is refused")
    void noRoll() {
        List<Violation> errors = new ArrayList<>();
        assertThat(OrgTerms.pick(List.of(), "secretary", null, "张书记", errors)).isNull();
        assertThat(errors).isEmpty();
        assertThat(OrgTerms.pick(List.of(), "secretary", 11L, null, errors)).isNull();
        assertThat(errors).hasSize(1);
    }
}
