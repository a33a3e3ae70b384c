-- The hall (issue 19): service points with their hours and window categories, appointments with a capacity per
-- category and slot, queue tickets called to windows. Demo points are V6.

-- A hall or a township/village service point. region: the 6-digit county code, 9 digits for a township, 12 for a
-- village. hours: {"workingDays": [...], "extended": [...], "weekends": [...]}, each period
-- {"from": "09:00", "to": "12:00", "days": ["TUESDAY"]} (no days: every day of its kind).
create table hall_service_point (
    code         text primary key,
    name_zh      text    not null,
    name_en      text    not null,
    level        text    not null check (level in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
    region       text    not null check (region ~ '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$'),
    parent_code  text references hall_service_point (code),
    address      text    not null,
    slot_minutes integer not null check (slot_minutes between 5 and 240),
    hours        jsonb   not null
);

create index hall_service_point_region on hall_service_point (region text_pattern_ops);

-- The window categories of a point and what each takes: item codes and bundle codes ('*' = any).
create table hall_window_category (
    service_point_code text    not null references hall_service_point (code),
    category           text    not null,
    prefix             text    not null check (prefix ~ '^[A-Z]$'),
    name_zh            text    not null,
    name_en            text    not null,
    windows            integer not null check (windows > 0),
    capacity_per_slot  integer not null check (capacity_per_slot > 0),
    items              text[]  not null,
    bundles            text[]  not null,
    primary key (service_point_code, category),
    unique (service_point_code, prefix)
);

-- Bookings per category and slot. The capacity is copied from the category at the first booking; the check keeps
-- booked within it whatever the code does, the row serializes concurrent bookings of one slot.
create table hall_slot (
    service_point_code text    not null,
    category           text    not null,
    day                date    not null,
    starts             time    not null,
    capacity           integer not null,
    booked             integer not null,
    primary key (service_point_code, category, day, starts),
    foreign key (service_point_code, category) references hall_window_category (service_point_code, category),
    check (booked >= 0 and booked <= capacity)
);

create table hall_appointment (
    id                 uuid primary key,
    service_point_code text        not null,
    category           text        not null,
    item_code          text,
    bundle_code        text,
    applicant_subject  text        not null,
    applicant_name     text        not null,
    day                date        not null,
    starts             time        not null,
    ends               time        not null,
    ends_at            timestamptz not null,
    status             text        not null check (status in ('BOOKED', 'CANCELLED', 'ARRIVED', 'NO_SHOW')),
    booked_at          timestamptz not null,
    rebookings         integer     not null default 0,
    cancelled_at       timestamptz,
    arrived_at         timestamptz,
    no_show_at         timestamptz,
    foreign key (service_point_code, category) references hall_window_category (service_point_code, category),
    check ((item_code is null) <> (bundle_code is null))
);

-- No double booking: one booked appointment per applicant and item or bundle, and per applicant and slot.
create unique index hall_appointment_one_per_matter on hall_appointment
    (applicant_subject, coalesce(item_code, ''), coalesce(bundle_code, '')) where status = 'BOOKED';
create unique index hall_appointment_one_per_slot on hall_appointment (applicant_subject, day, starts)
    where status = 'BOOKED';
create index hall_appointment_point_day on hall_appointment (service_point_code, day);
create index hall_appointment_applicant on hall_appointment (applicant_subject, day);
create index hall_appointment_due on hall_appointment (ends_at) where status = 'BOOKED';

-- Ticket sequences per point, category and day (C001, C002...).
create table hall_ticket_counter (
    service_point_code text    not null,
    category           text    not null,
    day                date    not null,
    last               integer not null,
    primary key (service_point_code, category, day)
);

-- Queue tickets (取号): taken on arrival, called to a window, served or absent when called.
create table hall_ticket (
    id                 uuid primary key,
    service_point_code text        not null,
    category           text        not null,
    day                date        not null,
    sequence           integer     not null,
    number             text        not null,
    appointment_id     uuid unique references hall_appointment (id),
    applicant_subject  text,
    taken_by           text        not null,
    status             text        not null check (status in ('WAITING', 'CALLED', 'SERVED', 'ABSENT')),
    taken_at           timestamptz not null,
    called_at          timestamptz,
    called_by          text,
    window_name        text,
    served_at          timestamptz,
    foreign key (service_point_code, category) references hall_window_category (service_point_code, category),
    unique (service_point_code, category, day, sequence)
);

create index hall_ticket_waiting on hall_ticket (service_point_code, category, day, sequence) where status = 'WAITING';
create index hall_ticket_taken on hall_ticket (service_point_code, taken_at);
