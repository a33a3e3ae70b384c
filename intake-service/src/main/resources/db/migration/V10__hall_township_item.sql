-- The township Zhuantang's comprehensive window takes the county's elderly allowance (Xihu District civil affairs,
-- XHCA, 330106), which its region's cross-region list already accepts for the county (issue 19): applicants book it
-- there, and its clerks file it for the county.
update hall_window_category
set items = array_append(items, 'xh-elderly-allowance')
where service_point_code = 'xihu-zhuantang' and category = 'COMPREHENSIVE'
  and not ('xh-elderly-allowance' = any (items));
