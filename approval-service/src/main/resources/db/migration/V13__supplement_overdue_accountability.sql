-- Issue 18, item 4: an overdue supplement (materials pledged at an acceptance with deficiencies, 容缺, not handed in by
-- the pledge date) opens an accountability record for each department of the application's cases, once.
alter table accountability_record drop constraint accountability_record_rule_check;
alter table accountability_record add constraint accountability_record_rule_check check (rule in ('CASE_OVERDUE',
    'SECOND_SUPPLEMENT', 'RATING_NOT_FOLLOWED_UP', 'WITHDRAWN_WITHOUT_CONFIRMATION', 'POST_APPROVAL_CHECK_FAILED',
    'SUPPLEMENT_OVERDUE'));
