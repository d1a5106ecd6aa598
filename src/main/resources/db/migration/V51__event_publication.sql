-- Spring Modulith's event publication registry (spring-modulith-events-jdbc 1.4): one row per event and listener,
-- written in the transaction that published the event, completed when the listener has handled it. The columns are
-- Modulith's (schema-h2.sql / schema-postgresql.sql of the jar), in types that mean the same on both databases:
-- serialized_event is PostgreSQL's text there and H2's varchar(4000), here one varchar long enough for an end-date
-- reminder of a whole source (20,000 records) on both. Modulith's own schema initialisation is off
-- (spring.modulith.events.jdbc.schema-initialization.enabled=false).
create table event_publication (
    id               uuid                     not null primary key,
    listener_id      varchar(512)             not null,
    event_type       varchar(512)             not null,
    serialized_event varchar(10000000)        not null,
    publication_date timestamp with time zone not null,
    completion_date  timestamp with time zone
);
-- the redelivery looks for incomplete publications (completion_date is null) and deletes old completed ones.
-- Modulith completes a publication by its id; only a publication no longer known to its node in memory is completed
-- by (listener_id, serialized_event), which its own schema indexes (PostgreSQL with a hash index, a syntax H2 lacks):
-- that path is rare here, so the one index on listener_id narrows it enough.
create index event_publication_by_completion_date on event_publication (completion_date);
create index event_publication_by_listener on event_publication (listener_id);
