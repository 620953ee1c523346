-- R1.4 / issue 18 point 4: a committee is picked from the roll and stored by member id; the name stays as it was
-- written at the time (a later rename of the member does not rewrite the record). Rows written before keep their
-- names; their ids are filled where exactly one active member of the organization has the name.
alter table org_term add column secretary_id bigint;
alter table org_term add column deputy_secretary_id bigint;
alter table org_term add column organization_member_id bigint;
alter table org_term add column propaganda_member_id bigint;
alter table org_term add column discipline_member_id bigint;
alter table org_election_process add column secretary_id bigint;
alter table org_election_process add column deputy_secretary_id bigint;

update org_term set secretary_id = (select min(m.id) from member_member m where m.org_id = org_term.org_id
    and m.name = org_term.secretary and m.exit_type is null)
  where secretary is not null and (select count(*) from member_member m where m.org_id = org_term.org_id
    and m.name = org_term.secretary and m.exit_type is null) = 1;
update org_term set deputy_secretary_id = (select min(m.id) from member_member m where m.org_id = org_term.org_id
    and m.name = org_term.deputy_secretary and m.exit_type is null)
  where deputy_secretary is not null and (select count(*) from member_member m where m.org_id = org_term.org_id
    and m.name = org_term.deputy_secretary and m.exit_type is null) = 1;
update org_term set organization_member_id = (select min(m.id) from member_member m where m.org_id = org_term.org_id
    and m.name = org_term.organization_member and m.exit_type is null)
  where organization_member is not null and (select count(*) from member_member m where m.org_id = org_term.org_id
    and m.name = org_term.organization_member and m.exit_type is null) = 1;
update org_term set propaganda_member_id = (select min(m.id) from member_member m where m.org_id = org_term.org_id
    and m.name = org_term.propaganda_member and m.exit_type is null)
  where propaganda_member is not null and (select count(*) from member_member m where m.org_id = org_term.org_id
    and m.name = org_term.propaganda_member and m.exit_type is null) = 1;
update org_term set discipline_member_id = (select min(m.id) from member_member m where m.org_id = org_term.org_id
    and m.name = org_term.discipline_member and m.exit_type is null)
  where discipline_member is not null and (select count(*) from member_member m where m.org_id = org_term.org_id
    and m.name = org_term.discipline_member and m.exit_type is null) = 1;
update org_election_process set secretary_id = (select min(m.id) from member_member m
    where m.org_id = org_election_process.org_id and m.name = org_election_process.secretary and m.exit_type is null)
  where secretary is not null and (select count(*) from member_member m where m.org_id = org_election_process.org_id
    and m.name = org_election_process.secretary and m.exit_type is null) = 1;
update org_election_process set deputy_secretary_id = (select min(m.id) from member_member m
    where m.org_id = org_election_process.org_id and m.name = org_election_process.deputy_secretary and m.exit_type is null)
  where deputy_secretary is not null and (select count(*) from member_member m where m.org_id = org_election_process.org_id
    and m.name = org_election_process.deputy_secretary and m.exit_type is null) = 1;
