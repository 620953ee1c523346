-- Issue 19, point 9: Spring Modulith's event publication registry on JDBC (schema v2 of spring-modulith-events-jdbc
-- 2.1, written portably for H2 and PostgreSQL; Modulith's own schema initialization is off). A publication is stored
-- in the publishing transaction for every after-commit listener (points, learning credit), completed when the
-- listener succeeded (then moved to the archive), and resubmitted while incomplete.
create table event_publication (
  id uuid not null primary key,
  listener_id varchar(512) not null,
  event_type varchar(512) not null,
  serialized_event varchar not null,
  publication_date timestamp with time zone not null,
  completion_date timestamp with time zone,
  status varchar(20),
  completion_attempts int,
  last_resubmission_date timestamp with time zone
);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
create index event_publication_by_listener_idx on event_publication (listener_id, publication_date);

create table event_publication_archive (
  id uuid not null primary key,
  listener_id varchar(512) not null,
  event_type varchar(512) not null,
  serialized_event varchar not null,
  publication_date timestamp with time zone not null,
  completion_date timestamp with time zone,
  status varchar(20),
  completion_attempts int,
  last_resubmission_date timestamp with time zone
);
create index event_publication_archive_by_completion_date_idx on event_publication_archive (completion_date);
