-- the queue's new arrivals (GET /cases?since=): a department's cases in the order they were opened
create index approval_case_arrivals on approval_case (department_code, opened_at);
