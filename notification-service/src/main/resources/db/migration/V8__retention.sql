-- Storage limitation (PIPL Art. 19): finished webhook deliveries and sent notices are deleted after
-- runonce.notification.retention.* (webhook/DeliveryRetention, notice/NoticeRetention), a batch at a time, rows
-- claimed with FOR UPDATE SKIP LOCKED. These partial indexes let each batch find its oldest rows without reading the
-- table; pending, retrying and failed rows are in none of them, so they are never candidates.
create index delivery_delivered on delivery (delivered_at) where state = 'SUCCEEDED';
create index delivery_dead on delivery (last_attempt_at) where state = 'DEAD';
-- inbox notices are SENT when created (sent_at = created_at); e-mail and SMS ones when their channel took them
create index notice_sent on notice (channel, sent_at) where state = 'SENT';
