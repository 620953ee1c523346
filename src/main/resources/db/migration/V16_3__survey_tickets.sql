-- Issue 19: one answer per invited respondent. A survey issues one-time tickets (a QR slip or link per member, and
-- numbered slips for the public); only a keyed hash of each ticket is stored, and an answer must present a ticket
-- whose hash is on file (a forged ticket is refused). Which member got a ticket is kept apart from the tickets, and
-- signed-in members answering in the app are recorded as having answered — never which answer is theirs.
create table assessment_survey_ticket (
  survey_id bigint not null,
  ticket_hash varchar(64) not null,
  audience_kind varchar(8) not null,
  primary key (survey_id, ticket_hash)
);

create table assessment_survey_invitee (
  survey_id bigint not null,
  member_id bigint not null,
  how varchar(8) not null,
  primary key (survey_id, member_id)
);
