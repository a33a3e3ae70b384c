-- Staff notices beyond a case's clock (issue 18): a bad rating (好差评 1 or 2) to the heads of each department rated,
-- a complaint (投诉) filed or overdue to the heads of the responsible department, an inquiry (咨询) overdue to its
-- owner and the heads. These concern an application, a complaint or an inquiry: the case number may be absent, the
-- subject names what the notice is about.
alter table staff_notice drop constraint staff_notice_kind_check;
alter table staff_notice add constraint staff_notice_kind_check
    check (kind in ('WARNING', 'OVERDUE', 'BAD_RATING', 'COMPLAINT', 'COMPLAINT_OVERDUE', 'INQUIRY_OVERDUE'));
alter table staff_notice alter column case_number drop not null;
-- one event may concern several departments (a bad rating of a bundle): once per event, department and addressee
alter table staff_notice drop constraint staff_notice_event_id_addressee_key;
alter table staff_notice add constraint staff_notice_once unique (event_id, department, addressee);
