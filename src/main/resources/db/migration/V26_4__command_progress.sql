-- Progress counters of a task (the board's rollup): one row per organization from the sender down to every
-- receiver, counting the receivers of its subtree by state; a step moves one count on the receiver's path (one
-- UPDATE of at most the path's depth rows), so the board reads a few rows instead of counting the receivers.
create table command_progress (
  task_id bigint not null,
  org_id bigint not null,
  parent_org_id bigint,
  org_path varchar(120) not null,
  org_name varchar(100) not null,
  total int not null,
  issued int not null,
  received int not null,
  submitted int not null,
  accepted int not null,
  returned int not null,
  primary key (task_id, org_id)
);
create index command_progress_parent_ix on command_progress (task_id, parent_org_id, org_path);
