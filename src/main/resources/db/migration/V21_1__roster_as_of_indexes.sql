-- Issue 19, point 1: the roster as of a date reads the exits, deaths and suspensions of a subtree by type and date
-- (moves use member_event_from_ix and member_event_scope_ix), once per query instead of once per member.
create index member_event_type_ix on member_event (event_type, effective_on, member_id);
