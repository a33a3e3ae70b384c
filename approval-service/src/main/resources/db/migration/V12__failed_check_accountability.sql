-- Issue 19, item 4: a failed post-approval check (事后核查) of a decision on the applicant's commitment (告知承诺) opens
-- an accountability record too, once per case and department like every rule.
alter table accountability_record drop constraint accountability_record_rule_check;
alter table accountability_record add constraint accountability_record_rule_check check (rule in ('CASE_OVERDUE',
    'SECOND_SUPPLEMENT', 'RATING_NOT_FOLLOWED_UP', 'WITHDRAWN_WITHOUT_CONFIRMATION', 'POST_APPROVAL_CHECK_FAILED'));
